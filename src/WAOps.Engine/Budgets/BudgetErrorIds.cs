namespace WAOps.Engine.Budgets;

/// <summary>
/// The stable ErrorIds of budget alerts. Input errors are raised before anything is written; the limit errors
/// of AWS (NotificationLimitExceeded, SubscriberLimitExceeded) come from the apply step.
/// </summary>
public static class BudgetErrorIds
{
    /// <summary>-Amount is not a number, or is zero or negative.</summary>
    public const string InvalidBudgetAmount = nameof(InvalidBudgetAmount);

    /// <summary>-Currency is not a three-letter currency code.</summary>
    public const string InvalidCurrency = nameof(InvalidCurrency);

    /// <summary>A threshold is not within 0 &lt; t ≤ 1,000,000.</summary>
    public const string InvalidThreshold = nameof(InvalidThreshold);

    /// <summary>Neither forecast nor actual thresholds: the budget would alert nobody.</summary>
    public const string NoThreshold = nameof(NoThreshold);

    /// <summary>More than 10 notifications on one budget (wanted, or wanted plus extras kept without -Prune).</summary>
    public const string TooManyNotifications = nameof(TooManyNotifications);

    /// <summary>More than 10 e-mail addresses or more than one SNS topic on one notification.</summary>
    public const string TooManySubscribers = nameof(TooManySubscribers);

    /// <summary>An e-mail address that is not one.</summary>
    public const string InvalidEmailAddress = nameof(InvalidEmailAddress);

    /// <summary>An SNS topic ARN that is not one.</summary>
    public const string InvalidSnsTopicArn = nameof(InvalidSnsTopicArn);

    /// <summary>A budget name that is empty, longer than 100 characters, or has ':' , '\' or "/action/".</summary>
    public const string InvalidBudgetName = nameof(InvalidBudgetName);

    /// <summary>A -Project value that cannot be a tag value.</summary>
    public const string InvalidProject = nameof(InvalidProject);

    /// <summary>A -CostFilter with an empty name or no values.</summary>
    public const string InvalidCostFilter = nameof(InvalidCostFilter);

    /// <summary>No -Email and no -SnsTopicArn.</summary>
    public const string NoSubscriber = nameof(NoSubscriber);

    /// <summary>The SNS topic belongs to another account than the budget (AWS Budgets cannot publish there).</summary>
    public const string TopicInOtherAccount = nameof(TopicInOtherAccount);

    /// <summary>The topic's access policy does not let budgets.amazonaws.com publish (and -FixTopicPolicy was not given, or a Deny wins).</summary>
    public const string TopicPolicyDeniesBudgets = nameof(TopicPolicyDeniesBudgets);

    /// <summary>The topic's access policy is not a readable JSON policy document.</summary>
    public const string InvalidTopicPolicy = nameof(InvalidTopicPolicy);

    /// <summary>The SNS topic does not exist.</summary>
    public const string SnsTopicNotFound = nameof(SnsTopicNotFound);

    /// <summary>A budget of that name exists but does not track cost (USAGE, RI_*, SAVINGS_PLANS_*).</summary>
    public const string BudgetTypeMismatch = nameof(BudgetTypeMismatch);

    /// <summary>AWS refused another notification on the budget (its limit is 10; older accounts and documentation say 5).</summary>
    public const string NotificationLimitExceeded = nameof(NotificationLimitExceeded);

    /// <summary>AWS refused another subscriber on a notification (1 SNS topic and 10 e-mail addresses).</summary>
    public const string SubscriberLimitExceeded = nameof(SubscriberLimitExceeded);

    /// <summary>Get-WABudget -Name without wildcards named a budget that does not exist.</summary>
    public const string BudgetNotFound = nameof(BudgetNotFound);
}
