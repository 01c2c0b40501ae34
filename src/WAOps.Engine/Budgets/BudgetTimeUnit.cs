namespace WAOps.Engine.Budgets;

/// <summary>How often a budget resets its actual and forecasted spend (AWS: DAILY, MONTHLY, QUARTERLY, ANNUALLY).</summary>
public enum BudgetTimeUnit
{
    Daily,
    Monthly,
    Quarterly,
    Annually,
}
