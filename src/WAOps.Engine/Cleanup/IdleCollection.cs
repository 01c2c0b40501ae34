namespace WAOps.Engine.Cleanup;

/// <summary>What a collection found: every resource listed, with a verdict for those in the run's environments, and how long listing and metrics took.</summary>
public sealed record IdleCollection(IReadOnlyList<EvaluatedResource> Resources, int MetricQueries, int GetMetricDataCalls, TimeSpan ListingTime, TimeSpan MetricsTime);
