namespace WAOps.Engine.Dashboards;

/// <summary>
/// The stable ErrorIds of New-WADashboard. Input errors are raised before anything is read from or written to
/// CloudWatch; InvalidDashboardBody comes from PutDashboard while applying.
/// </summary>
public static class DashboardErrorIds
{
    /// <summary>A dashboard name that is empty, too long, or has characters other than A-Z, a-z, 0-9, '-' and '_'.</summary>
    public const string InvalidDashboardName = nameof(InvalidDashboardName);

    /// <summary>Resources given by ARN or by -TagFilter alone, and no -DashboardName to call the dashboard.</summary>
    public const string DashboardNameRequired = nameof(DashboardNameRequired);

    /// <summary>No -Project, -Environment, -TagFilter, -StackName or piped ARN: nothing says which resources to monitor.</summary>
    public const string NoDiscoveryParameter = nameof(NoDiscoveryParameter);

    /// <summary>The CloudFormation stack of -StackName does not exist in the region.</summary>
    public const string StackNotFound = nameof(StackNotFound);

    /// <summary>An -AlarmTopicArn that is not an SNS topic ARN (the same ErrorId Set-WABudgetAlert uses).</summary>
    public const string InvalidSnsTopicArn = nameof(InvalidSnsTopicArn);

    /// <summary>An -AlarmTopicArn topic that does not exist (the same ErrorId Set-WABudgetAlert uses).</summary>
    public const string SnsTopicNotFound = nameof(SnsTopicNotFound);

    /// <summary>More than 5 -AlarmTopicArn topics in one region: an alarm takes at most 5 actions per state.</summary>
    public const string TooManyAlarmActions = nameof(TooManyAlarmActions);

    /// <summary>An -AlarmThreshold entry whose key is not Namespace/MetricName of the alarm catalog, or whose value is not a number.</summary>
    public const string InvalidAlarmThreshold = nameof(InvalidAlarmThreshold);

    /// <summary>An -AlarmPrefix that is empty, too long or has control characters.</summary>
    public const string InvalidAlarmPrefix = nameof(InvalidAlarmPrefix);

    /// <summary>PutDashboard refused the body (InvalidParameterInput); the message lists CloudWatch's validation messages.</summary>
    public const string InvalidDashboardBody = nameof(InvalidDashboardBody);

    /// <summary>-OutFile names a path that cannot be written (a folder, or a file in a folder that does not exist).</summary>
    public const string InvalidOutFile = nameof(InvalidOutFile);
}
