using WAOps.Aws.Services.CloudWatch;
using WAOps.Engine.Cleanup;

namespace WAOps.Aws.Cleanup;

/// <summary>What a collection found: every resource listed, with a verdict for those in the run's environments, and how long listing and metrics took.</summary>
public sealed record IdleCollection(IReadOnlyList<EvaluatedResource> Resources, int MetricQueries, int GetMetricDataCalls, TimeSpan ListingTime, TimeSpan MetricsTime);

/// <summary>Progress of a collection: a phase and, for metrics, how many of the GetMetricData batches are done.</summary>
public sealed record IdleCollectionProgress(string Phase, int Done, int Total);

/// <summary>
/// Collects what the idle criteria judge: lists the kinds the selected criteria cover, keeps the scope guard's
/// environments (production and other environments get no metric query and no per-resource call), reads the daily
/// metrics those resources need in batched GetMetricData calls, and evaluates each one. Pure reading: nothing is written.
/// </summary>
public static class IdleCleanupCollector
{
    public static async Task<IdleCollection> CollectAsync(IdleResourceReader reader, CloudWatchClient cloudWatch, CleanupOptions options, DateTimeOffset now,
        Action<IdleCollectionProgress>? onProgress, Action<IdleListingFailure> onFailure, CancellationToken cancellationToken)
    {
        bool InEnvironment(IdleResource resource)
        {
            var scope = options.Guard.Evaluate(resource.Tags, resource.CreatedAt, now);
            return scope.InScope || scope.IsExcludedInEnvironment;
        }

        var kinds = options.Evaluator.Kinds;
        var listings = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        onProgress?.Invoke(new IdleCollectionProgress("Listing resources", 0, kinds.Count));
        var resources = await reader.ListAsync(kinds,
            tags => options.Guard.Evaluate(tags, null, now) is { } scope && (scope.InScope || scope.IsExcludedInEnvironment),
            listing => onProgress?.Invoke(new IdleCollectionProgress($"Listed {listing}", Interlocked.Increment(ref listings), kinds.Count)),
            onFailure, cancellationToken).ConfigureAwait(false);

        var listingTime = clock.Elapsed;
        var candidates = resources.Where(InEnvironment).ToList();
        var queries = candidates.SelectMany(r => options.Evaluator.MetricsFor(r).Select(q => new OwnedMetricQuery(r.Arn, q))).ToList();
        var metricReader = new MetricDataReader(cloudWatch);
        IReadOnlyDictionary<string, MetricSet> metrics = new Dictionary<string, MetricSet>();
        if (queries.Count > 0)
        {
            onProgress?.Invoke(new IdleCollectionProgress($"Reading {queries.Count} metrics", 0, MetricDataReader.CallsNeeded(queries)));
            metrics = await metricReader.ReadAsync(queries, now, (done, total) => onProgress?.Invoke(new IdleCollectionProgress($"Reading {queries.Count} metrics", done, total)),
                cancellationToken, error => onFailure(new IdleListingFailure("CloudWatch GetMetricData", error))).ConfigureAwait(false);
        }

        var inEnvironment = candidates.Select(r => r.Arn).ToHashSet(StringComparer.Ordinal);
        var evaluated = resources.Select(r => new EvaluatedResource(r, inEnvironment.Contains(r.Arn)
            ? options.Evaluator.Evaluate(r, metrics.GetValueOrDefault(r.Arn, MetricSet.Empty), now)
            : null)).ToList();
        return new IdleCollection(evaluated, queries.Count, metricReader.Calls, listingTime, clock.Elapsed - listingTime);
    }
}
