namespace WAOps.Engine.Cleanup.Criteria;

/// <summary>An EBS volume attached to nothing (state available). Deleting it is always preceded by a snapshot.</summary>
public sealed class UnattachedVolumeCriterion : IIdleCriterion
{
    public string Name => IdleCriterionNames.UnattachedVolume;

    public IdleResourceKind Kind => IdleResourceKind.EbsVolume;

    public IReadOnlyList<MetricQuery> MetricsFor(IdleResource resource) => Array.Empty<MetricQuery>();

    public CriterionVerdict Evaluate(IdleResource resource, MetricSet metrics, DateTimeOffset now)
    {
        if (resource is not EbsVolumeResource volume)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, "not an EBS volume");
        }

        if (volume.State == "available" && volume.AttachedTo.Count == 0)
        {
            return CriterionVerdict.Of(Name, IdleStatus.Idle, "not attached to any instance");
        }

        return volume.State == "in-use" || volume.AttachedTo.Count > 0
            ? CriterionVerdict.Of(Name, IdleStatus.Active, $"attached to {string.Join(", ", volume.AttachedTo)}")
            : CriterionVerdict.Of(Name, IdleStatus.NotApplicable, $"state {volume.State}");
    }
}
