namespace WAOps.Engine.Budgets;

/// <summary>Whether a budget notification watches actual spend or forecasted spend (AWS: ACTUAL, FORECASTED).</summary>
public enum BudgetNotificationType
{
    Actual,

    /// <summary>Silent until AWS has about one billing cycle of data to forecast from.</summary>
    Forecasted,
}
