using System.Globalization;
using WAOps.Engine.Budgets;

namespace WAOps;

/// <summary>
/// A budget as AWS has it: limit, time unit, filters, spend so far and forecast, and its notifications with
/// their subscribers (Subscribers is null on a notification whose subscribers were not read). What Get-WABudget
/// and Set-WABudgetAlert write to the pipeline.
/// </summary>
public sealed class BudgetState
{
    public BudgetState(
        string accountId,
        string name,
        decimal? amount,
        string? currency,
        string timeUnit,
        string budgetType,
        IReadOnlyDictionary<string, IReadOnlyList<string>> costFilters,
        IReadOnlyList<BudgetNotification> notifications)
    {
        AccountId = accountId;
        Name = name;
        Amount = amount;
        Currency = currency;
        TimeUnit = timeUnit;
        BudgetType = budgetType;
        CostFilters = BudgetCostFilters.Normalize(costFilters);
        Notifications = notifications;
    }

    public string AccountId { get; }

    public string Name { get; }

    /// <summary>arn:aws:budgets::&lt;account&gt;:budget/&lt;name&gt;.</summary>
    public string Arn => BudgetArn.For(Partition, AccountId, Name);

    /// <summary>The AWS partition of the account (aws, aws-cn, aws-us-gov).</summary>
    public string Partition { get; init; } = "aws";

    /// <summary>The budgeted amount; null for budgets without a fixed limit (planned or auto-adjusting).</summary>
    public decimal? Amount { get; }

    public string? Currency { get; }

    /// <summary>Daily, Monthly, Quarterly, Annually (or Custom, which WAOps reads but does not set).</summary>
    public string TimeUnit { get; }

    /// <summary>COST for the budgets WAOps manages; USAGE, RI_UTILIZATION, ... for others.</summary>
    public string BudgetType { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> CostFilters { get; }

    /// <summary>The Project tag value the budget is scoped to, when that is its only filter.</summary>
    public string? Project => BudgetCostFilters.ProjectOf(CostFilters);

    /// <summary>"whole account", "Project checkout", or the filters.</summary>
    public string Scope => BudgetCostFilters.Describe(CostFilters);

    public decimal? ActualSpend { get; init; }

    /// <summary>Forecasted spend for the period; 0 or absent on young accounts (about one billing cycle).</summary>
    public decimal? ForecastedSpend { get; init; }

    public DateTime? PeriodStart { get; init; }

    public DateTime? PeriodEnd { get; init; }

    public DateTime? LastUpdatedTime { get; init; }

    public IReadOnlyList<BudgetNotification> Notifications { get; }

    /// <summary>The same budget with subscribers taken from <paramref name="subscribers"/> where it has them.</summary>
    public BudgetState WithSubscribers(IReadOnlyDictionary<BudgetNotificationKey, IReadOnlyList<BudgetSubscriber>> subscribers) =>
        new(AccountId, Name, Amount, Currency, TimeUnit, BudgetType, CostFilters,
            Notifications.Select(n => subscribers.TryGetValue(n.Key, out var known) ? n.WithSubscribers(known) : n).ToArray())
        {
            Partition = Partition,
            ActualSpend = ActualSpend,
            ForecastedSpend = ForecastedSpend,
            PeriodStart = PeriodStart,
            PeriodEnd = PeriodEnd,
            LastUpdatedTime = LastUpdatedTime,
        };

    /// <summary>"400 USD Monthly, whole account".</summary>
    public string DescribeLimit() =>
        $"{Amount?.ToString(CultureInfo.InvariantCulture) ?? "no fixed limit"} {Currency} {TimeUnit}, {Scope}";

    public override string ToString() => $"{Name}: {DescribeLimit()}";
}
