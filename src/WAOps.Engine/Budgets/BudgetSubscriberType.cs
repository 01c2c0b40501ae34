namespace WAOps.Engine.Budgets;

/// <summary>Where a notification is sent (AWS: EMAIL, SNS).</summary>
public enum BudgetSubscriberType
{
    Email,
    Sns,
}
