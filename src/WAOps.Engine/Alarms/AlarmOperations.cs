namespace WAOps.Engine.Alarms;

/// <summary>What applying a planned alarm change sends to CloudWatch (or, for changes not sent, would send).</summary>
public abstract record AlarmOperation(string Region, string AlarmName);

/// <summary>
/// PutMetricAlarm with the alarm's full definition and actions (PutMetricAlarm replaces everything, so actions the
/// plan does not manage are sent back as they are). A new alarm gets its tags in the same call; an updated one
/// gets them with TagResource, since PutMetricAlarm ignores tags on update.
/// </summary>
public sealed record PutAlarmOperation(
    MetricAlarmSpec Alarm,
    IReadOnlyList<string> AlarmActions,
    IReadOnlyList<string> OKActions,
    IReadOnlyList<string> InsufficientDataActions,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    bool IsCreate,
    string? ExistingArn)
    : AlarmOperation(Alarm.Region, Alarm.Name);

/// <summary>DeleteAlarms for one alarm whose resource left the workload (-Prune).</summary>
public sealed record DeleteAlarmOperation(string Region, string Name, string Arn) : AlarmOperation(Region, Name);
