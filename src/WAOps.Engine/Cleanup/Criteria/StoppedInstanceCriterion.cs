using System.Globalization;

namespace WAOps.Engine.Cleanup.Criteria;

/// <summary>
/// An EC2 instance stopped for at least StoppedDays days. The stop time comes from AWS's state transition reason
/// ("User initiated (2026-10-01 08:15:00 GMT)"); when it cannot be read the verdict is insufficient data.
/// </summary>
public sealed class StoppedInstanceCriterion : IIdleCriterion
{
    private readonly IdleThresholds _thresholds;

    public StoppedInstanceCriterion(IdleThresholds thresholds) => _thresholds = thresholds;

    public string Name => IdleCriterionNames.StoppedInstance;

    public IdleResourceKind Kind => IdleResourceKind.Ec2Instance;

    public IReadOnlyList<MetricQuery> MetricsFor(IdleResource resource) => Array.Empty<MetricQuery>();

    public CriterionVerdict Evaluate(IdleResource resource, MetricSet metrics, DateTimeOffset now)
    {
        if (resource is not Ec2InstanceResource { IsStopped: true } instance)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, $"not stopped ({(resource as Ec2InstanceResource)?.State ?? "not an instance"})");
        }

        if (instance.ManagedBy is { } manager)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, $"managed by {manager}, which decides its instances");
        }

        if (instance.StoppedAt is not { } stoppedAt)
        {
            return CriterionVerdict.Of(Name, IdleStatus.InsufficientData, "stopped, but AWS's state transition reason does not say since when");
        }

        var days = (now - stoppedAt).TotalDays;
        var since = $"stopped since {stoppedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC ({days.ToString("0.#", CultureInfo.InvariantCulture)} days; threshold {_thresholds.StoppedDays})";
        return days >= _thresholds.StoppedDays
            ? CriterionVerdict.Of(Name, IdleStatus.Idle, since)
            : CriterionVerdict.Of(Name, IdleStatus.Active, since);
    }
}
