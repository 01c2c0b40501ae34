using System.Globalization;

namespace WAOps.Engine.Cleanup.Criteria;

/// <summary>
/// An EBS snapshot of this account at least SnapshotAgeDays old that no AMI of this account uses. Snapshots that
/// AWS Backup or Data Lifecycle Manager manage (their aws:backup* / aws:dlm* tags) and the safety snapshots WAOps
/// itself takes before deleting (tag waops:backup-of) are never candidates.
/// </summary>
public sealed class OrphanedSnapshotCriterion : IIdleCriterion
{
    private readonly IdleThresholds _thresholds;

    public OrphanedSnapshotCriterion(IdleThresholds thresholds) => _thresholds = thresholds;

    public string Name => IdleCriterionNames.OrphanedSnapshot;

    public IdleResourceKind Kind => IdleResourceKind.EbsSnapshot;

    public IReadOnlyList<MetricQuery> MetricsFor(IdleResource resource) => Array.Empty<MetricQuery>();

    public CriterionVerdict Evaluate(IdleResource resource, MetricSet metrics, DateTimeOffset now)
    {
        if (resource is not EbsSnapshotResource snapshot)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, "not an EBS snapshot");
        }

        if (snapshot.State != "completed")
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, $"state {snapshot.State}");
        }

        if (snapshot.IsWaopsBackup)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, "a safety snapshot WAOps took before a delete; delete it yourself when it is no longer needed");
        }

        var managed = snapshot.Tags.Keys.FirstOrDefault(k => k.StartsWith("aws:backup", StringComparison.OrdinalIgnoreCase) || k.StartsWith("aws:dlm", StringComparison.OrdinalIgnoreCase));
        if (managed is not null)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, $"managed by {(managed.StartsWith("aws:dlm", StringComparison.OrdinalIgnoreCase) ? "Data Lifecycle Manager" : "AWS Backup")} ({managed})");
        }

        if (snapshot.UsedByImages.Count > 0)
        {
            return CriterionVerdict.Of(Name, IdleStatus.Active, $"used by {string.Join(", ", snapshot.UsedByImages)}");
        }

        if (snapshot.CreatedAt is not { } started)
        {
            return CriterionVerdict.Of(Name, IdleStatus.InsufficientData, "AWS does not say when it was taken");
        }

        var days = (now - started).TotalDays;
        var age = $"{days.ToString("0", CultureInfo.InvariantCulture)} days old (threshold {_thresholds.SnapshotAgeDays})";
        return days >= _thresholds.SnapshotAgeDays
            ? CriterionVerdict.Of(Name, IdleStatus.Idle, $"not used by any AMI of this account; {age}")
            : CriterionVerdict.Of(Name, IdleStatus.Active, $"not used by any AMI, but only {age}");
    }
}
