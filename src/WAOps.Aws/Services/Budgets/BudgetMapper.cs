using System.Globalization;
using WAOps.Aws.Services.Budgets.Model;
using WAOps.Engine.Budgets;
using WAOps.Engine.Errors;

namespace WAOps.Aws.Services.Budgets;

/// <summary>Translates between the engine's budget types and AWS Budgets' wire shapes and enum strings.</summary>
public static class BudgetMapper
{
    public const string CostBudgetType = "COST";

    public static Notification ToWire(BudgetNotificationKey key) => new()
    {
        NotificationType = key.Type switch
        {
            BudgetNotificationType.Actual => "ACTUAL",
            _ => "FORECASTED",
        },
        ComparisonOperator = key.Comparison switch
        {
            BudgetComparison.GreaterThan => "GREATER_THAN",
            BudgetComparison.LessThan => "LESS_THAN",
            _ => "EQUAL_TO",
        },
        Threshold = key.Threshold,
        ThresholdType = key.ThresholdType == BudgetThresholdType.Percentage ? "PERCENTAGE" : "ABSOLUTE_VALUE",
    };

    public static Subscriber ToWire(BudgetSubscriber subscriber) => new()
    {
        SubscriptionType = subscriber.Type == BudgetSubscriberType.Sns ? "SNS" : "EMAIL",
        Address = subscriber.Address,
    };

    public static string ToWire(BudgetTimeUnit timeUnit) => timeUnit.ToString().ToUpperInvariant();

    public static Dictionary<string, List<string>>? ToWire(IReadOnlyDictionary<string, IReadOnlyList<string>> filters) =>
        filters.Count == 0 ? null : filters.ToDictionary(f => f.Key, f => f.Value.ToList(), StringComparer.Ordinal);

    /// <summary>A new COST budget: limit, time unit and filters of the spec.</summary>
    public static Budget ToWire(BudgetSpec spec) => new()
    {
        BudgetName = spec.Name,
        BudgetLimit = new Spend { Amount = spec.AmountText, Unit = spec.Currency },
        CostFilters = ToWire(spec.CostFilters),
        TimeUnit = ToWire(spec.TimeUnit),
        BudgetType = CostBudgetType,
    };

    public static NotificationWithSubscribers ToWire(BudgetNotification notification) => new()
    {
        Notification = ToWire(notification.Key),
        Subscribers = (notification.Subscribers ?? Array.Empty<BudgetSubscriber>()).Select(ToWire).ToList(),
    };

    public static BudgetNotificationKey ToKey(Notification notification) => new(
        notification.NotificationType switch
        {
            "ACTUAL" => BudgetNotificationType.Actual,
            "FORECASTED" => BudgetNotificationType.Forecasted,
            var other => throw Unreadable("NotificationType", other),
        },
        notification.ComparisonOperator switch
        {
            "GREATER_THAN" => BudgetComparison.GreaterThan,
            "LESS_THAN" => BudgetComparison.LessThan,
            "EQUAL_TO" => BudgetComparison.EqualTo,
            var other => throw Unreadable("ComparisonOperator", other),
        },
        notification.Threshold,
        notification.ThresholdType switch
        {
            // AWS treats a notification without a threshold type as a percentage.
            null or "PERCENTAGE" => BudgetThresholdType.Percentage,
            "ABSOLUTE_VALUE" => BudgetThresholdType.AbsoluteValue,
            var other => throw Unreadable("ThresholdType", other),
        });

    public static BudgetSubscriber ToSubscriber(Subscriber subscriber) => subscriber.SubscriptionType switch
    {
        "EMAIL" => BudgetSubscriber.Email(subscriber.Address ?? string.Empty),
        "SNS" => BudgetSubscriber.Sns(subscriber.Address ?? string.Empty),
        var other => throw Unreadable("SubscriptionType", other),
    };

    public static BudgetState ToState(string accountId, string partition, Budget budget, IReadOnlyList<BudgetNotification> notifications) =>
        new(accountId,
            budget.BudgetName ?? string.Empty,
            ParseAmount(budget.BudgetLimit?.Amount),
            budget.BudgetLimit?.Unit,
            TitleCase(budget.TimeUnit),
            budget.BudgetType ?? CostBudgetType,
            (budget.CostFilters ?? new Dictionary<string, List<string>>()).ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value, StringComparer.Ordinal),
            notifications)
        {
            Partition = partition,
            ActualSpend = ParseAmount(budget.CalculatedSpend?.ActualSpend?.Amount),
            ForecastedSpend = ParseAmount(budget.CalculatedSpend?.ForecastedSpend?.Amount),
            PeriodStart = budget.TimePeriod?.Start,
            PeriodEnd = budget.TimePeriod?.End,
            LastUpdatedTime = budget.LastUpdatedTime,
        };

    private static decimal? ParseAmount(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    // MONTHLY -> Monthly, as BudgetTimeUnit names it.
    private static string TitleCase(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : text[..1].ToUpperInvariant() + text[1..].ToLowerInvariant();

    private static WAOpsException Unreadable(string member, string? value) =>
        new("AwsInvalidResponse", ErrorKind.InvalidData, $"AWS Budgets answered {member} '{value}', which this version of WAOps does not know.", member);
}
