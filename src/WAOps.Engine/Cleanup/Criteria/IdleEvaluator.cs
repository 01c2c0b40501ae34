namespace WAOps.Engine.Cleanup.Criteria;

/// <summary>
/// The selected criteria, by kind: which metrics a resource needs, and its combined verdict. A resource is idle
/// when any of its kind's criteria says so; otherwise insufficient data wins over active (doubt is never read as
/// use), and active over not applicable.
/// </summary>
public sealed class IdleEvaluator
{
    private readonly IReadOnlyList<IIdleCriterion> _criteria;

    public IdleEvaluator(IEnumerable<IIdleCriterion> criteria) => _criteria = criteria.ToList();

    /// <summary>Every criterion with the given thresholds, or those named (see <see cref="IdleCriterionNames"/>).</summary>
    public static IdleEvaluator Create(IdleThresholds thresholds, IEnumerable<string>? names = null)
    {
        var all = new IIdleCriterion[]
        {
            new LowUtilizationInstanceCriterion(thresholds),
            new StoppedInstanceCriterion(thresholds),
            new UnattachedVolumeCriterion(),
            new UnassociatedElasticIpCriterion(),
            new IdleNatGatewayCriterion(thresholds),
            new IdleLoadBalancerCriterion(thresholds),
            new IdleDatabaseCriterion(thresholds),
            new OrphanedSnapshotCriterion(thresholds),
        };
        var wanted = names?.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new IdleEvaluator(wanted is null ? all : all.Where(c => wanted.Contains(c.Name)));
    }

    public IReadOnlyList<IIdleCriterion> Criteria => _criteria;

    /// <summary>The kinds at least one selected criterion judges (the kinds to list).</summary>
    public IReadOnlySet<IdleResourceKind> Kinds => _criteria.Select(c => c.Kind).ToHashSet();

    public IReadOnlyList<MetricQuery> MetricsFor(IdleResource resource) =>
        _criteria.Where(c => c.Kind == resource.Kind).SelectMany(c => c.MetricsFor(resource)).DistinctBy(q => q.Key).ToList();

    /// <summary>The combined verdict; null when no selected criterion judges this kind.</summary>
    public CriterionVerdict? Evaluate(IdleResource resource, MetricSet metrics, DateTimeOffset now)
    {
        var verdicts = _criteria.Where(c => c.Kind == resource.Kind).Select(c => c.Evaluate(resource, metrics, now)).ToList();
        if (verdicts.Count == 0)
        {
            return null;
        }

        return verdicts.FirstOrDefault(v => v.Status == IdleStatus.Idle)
            ?? verdicts.FirstOrDefault(v => v.Status == IdleStatus.InsufficientData)
            ?? verdicts.FirstOrDefault(v => v.Status == IdleStatus.Active)
            ?? verdicts[0];
    }
}
