namespace WAOps.Engine.Cleanup.Criteria;

/// <summary>
/// One idle criterion for one kind of resource: which CloudWatch metrics it needs (daily values; none for criteria
/// judged on state alone) and its verdict from the resource and those metrics. Criteria never call AWS.
/// </summary>
public interface IIdleCriterion
{
    /// <summary>One of <see cref="IdleCriterionNames"/>.</summary>
    string Name { get; }

    IdleResourceKind Kind { get; }

    IReadOnlyList<MetricQuery> MetricsFor(IdleResource resource);

    CriterionVerdict Evaluate(IdleResource resource, MetricSet metrics, DateTimeOffset now);
}

/// <summary>A criterion's conclusion about one resource, with the evidence in words and the metric values it used.</summary>
public sealed record CriterionVerdict(string Criterion, IdleStatus Status, string Evidence, IReadOnlyList<MetricSeries> Metrics)
{
    public static CriterionVerdict Of(string criterion, IdleStatus status, string evidence, params MetricSeries?[] metrics) =>
        new(criterion, status, evidence, metrics.Where(m => m is not null).Select(m => m!).ToList());

    public bool IsIdle => Status == IdleStatus.Idle;

    public override string ToString() => $"{Criterion}: {Status} ({Evidence})";
}
