namespace WAOps.Engine.Budgets;

/// <summary>The AWS Budgets limits WAOps checks before it writes anything (see the botocore model and facts.md).</summary>
public static class BudgetLimits
{
    /// <summary>Notifications per budget. Older AWS documentation says 5; AWS answers CreationLimitExceededException past its limit.</summary>
    public const int MaxNotifications = 10;

    public const int MaxEmailSubscribers = 10;

    public const int MaxSnsSubscribers = 1;

    /// <summary>The largest threshold AWS accepts: 1,000,000 (percent of the budgeted amount).</summary>
    public const double MaxThreshold = 1_000_000;

    public const int MaxNameLength = 100;

    /// <summary>AWS tag values are at most 256 characters.</summary>
    public const int MaxTagValueLength = 256;
}
