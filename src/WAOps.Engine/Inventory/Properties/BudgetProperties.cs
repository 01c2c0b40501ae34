namespace WAOps.Engine.Inventory.Properties;

/// <summary>An AWS Budgets budget (budgets:budget).</summary>
public sealed class BudgetProperties : ResourceProperties
{
    /// <summary>The Project tag value the budget is filtered on; null for budgets of the whole account or other filters.</summary>
    public Fact<string?> Project { get; init; }

    /// <summary>COST, USAGE, RI_UTILIZATION, ...</summary>
    public Fact<string> BudgetType { get; init; }

    /// <summary>The types of its notifications: ACTUAL, FORECASTED (one entry per notification).</summary>
    public Fact<IReadOnlyList<string>> NotificationTypes { get; init; }
}
