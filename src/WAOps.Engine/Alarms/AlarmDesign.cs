using WAOps.Engine.Monitoring;

namespace WAOps.Engine.Alarms;

/// <summary>
/// The alarms a workload should have (thresholds still null where nobody has chosen one), and the catalog alarms
/// that matched a resource's metrics but do not apply to it, with the reason.
/// </summary>
public sealed record AlarmDesign(IReadOnlyList<MetricAlarmSpec> Alarms, IReadOnlyList<NotApplicableAlarm> NotApplicable);

/// <summary>A catalog alarm left out for one resource, and why.</summary>
public sealed record NotApplicableAlarm(MonitoredResource Resource, RecommendedAlarm Alarm, string Reason);
