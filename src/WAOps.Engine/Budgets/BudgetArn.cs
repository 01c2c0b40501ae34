namespace WAOps.Engine.Budgets;

/// <summary>ARNs of budgets: arn:&lt;partition&gt;:budgets::&lt;account&gt;:budget/&lt;name&gt;.</summary>
public static class BudgetArn
{
    public static string For(string partition, string accountId, string budgetName) => $"arn:{partition}:budgets::{accountId}:budget/{budgetName}";

    /// <summary>The pattern that covers every budget of the account (what a topic policy's aws:SourceArn names).</summary>
    public static string AnyIn(string partition, string accountId) => $"arn:{partition}:budgets::{accountId}:*";
}
