namespace WAOps.Engine.Alarms;

/// <summary>Where an alarm definition comes from.</summary>
public enum AlarmSource
{
    /// <summary>A row of AWS's recommended alarms (recommended-alarms.csv).</summary>
    AwsRecommended,

    /// <summary>A documented WAOps default for a metric AWS publishes no recommendation for (ALB, NLB, EventBridge rules).</summary>
    WAOpsDefault,
}

/// <summary>Where an alarm's threshold comes from.</summary>
public enum ThresholdSource
{
    /// <summary>AWS's recommended static threshold.</summary>
    Recommended,

    /// <summary>A documented WAOps default.</summary>
    WAOpsDefault,

    /// <summary>Given with -AlarmThreshold.</summary>
    Parameter,

    /// <summary>AWS leaves it to the user and none was given: the existing alarm's threshold is kept.</summary>
    Kept,
}
