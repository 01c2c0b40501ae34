using System.Globalization;

namespace WAOps.Engine.Budgets;

/// <summary>
/// A budget as it should be: a COST budget with a limit, time unit and cost filters, and its notifications with
/// their subscribers. Made by <see cref="BudgetValidator"/>, so every value in it is valid for AWS.
/// </summary>
public sealed class BudgetSpec
{
    public BudgetSpec(
        string name,
        decimal amount,
        string currency,
        BudgetTimeUnit timeUnit,
        IReadOnlyDictionary<string, IReadOnlyList<string>> costFilters,
        IReadOnlyList<BudgetNotification> notifications)
    {
        Name = name;
        Amount = amount;
        Currency = currency;
        TimeUnit = timeUnit;
        CostFilters = BudgetCostFilters.Normalize(costFilters);
        Notifications = notifications;
    }

    public string Name { get; }

    public decimal Amount { get; }

    public string Currency { get; }

    public BudgetTimeUnit TimeUnit { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> CostFilters { get; }

    public string? Project => BudgetCostFilters.ProjectOf(CostFilters);

    public IReadOnlyList<BudgetNotification> Notifications { get; }

    /// <summary>The amount as AWS wants it: a plain decimal string ("500", "99.50").</summary>
    public string AmountText => Amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>"500 USD Monthly, Project checkout".</summary>
    public string DescribeLimit() => $"{AmountText} {Currency} {TimeUnit}, {BudgetCostFilters.Describe(CostFilters)}";

    public override string ToString() => $"{Name}: {DescribeLimit()}";
}
