namespace WAOps.Engine.Budgets;

/// <summary>Whether a threshold is a percentage of the budgeted amount or an amount (AWS: PERCENTAGE, ABSOLUTE_VALUE).</summary>
public enum BudgetThresholdType
{
    Percentage,
    AbsoluteValue,
}
