namespace WAOps.Engine.Budgets;

/// <summary>How a notification compares spend with its threshold (AWS: GREATER_THAN, LESS_THAN, EQUAL_TO).</summary>
public enum BudgetComparison
{
    GreaterThan,
    LessThan,
    EqualTo,
}
