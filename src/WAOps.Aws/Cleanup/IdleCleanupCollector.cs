using WAOps.Engine.Inventory;
using WAOps.Engine.Runs;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Engine.Cleanup;

namespace WAOps.Aws.Cleanup;

/// <summary>
/// Collects what the idle criteria judge: lists the kinds the selected criteria cover, keeps the scope guard's
/// environments (production and other environments get no metric query and no per-resource call), reads the daily
/// metrics those resources need in batched GetMetricData calls, and evaluates each one. Pure reading: nothing is written.
/// </summary>
public static class IdleCleanupCollector
{
    public static async Task<IdleCollection> CollectAsync(IdleResourceReader reader, CloudWatchClient cloudWatch, CleanupOptions options, DateTimeOffset now,
        Action<RunProgress>? onProgress, Action<CollectionFailure> onFailure, CancellationToken cancellationToken)
    {
        bool InEnvironment(IdleResource resource)
        {
            var scope = options.Guard.Evaluate(resource.Tags, resource.CreatedAt, now);
            return scope.InScope || scope.IsExcludedInEnvironment;
        }

        var kinds = options.Evaluator.Kinds;
        var listings = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        onProgress?.Invoke(RunProgress.Of("Listing resources", 0, kinds.Count));
        var resources = await reader.ListAsync(kinds,
            tags => options.Guard.Evaluate(tags, null, now) is { } scope && (scope.InScope || scope.IsExcludedInEnvironment),
            listing => onProgress?.Invoke(RunProgress.Of($"Listed {listing}", Interlocked.Increment(ref listings), kinds.Count)),
            onFailure, cancellationToken).ConfigureAwait(false);

        var listingTime = clock.Elapsed;
        var candidates = resources.Where(InEnvironment).ToList();
        var queries = candidates.SelectMany(r => options.Evaluator.MetricsFor(r).Select(q => new OwnedMetricQuery(r.Arn, q))).ToList();
        var metricReader = new MetricDataReader(cloudWatch);
        IReadOnlyDictionary<string, MetricSet> metrics = new Dictionary<string, MetricSet>();
        if (queries.Count > 0)
        {
            onProgress?.Invoke(RunProgress.Of($"Reading {queries.Count} metrics", 0, MetricDataReader.CallsNeeded(queries)));
            metrics = await metricReader.ReadAsync(queries, now, (done, total) => onProgress?.Invoke(RunProgress.Of($"Reading {queries.Count} metrics", done, total)),
                cancellationToken, error => onFailure(new CollectionFailure(null, reader.Region, "CloudWatch GetMetricData", error))).ConfigureAwait(false);
        }

        var inEnvironment = candidates.Select(r => r.Arn).ToHashSet(StringComparer.Ordinal);
        var evaluated = resources.Select(r => new EvaluatedResource(r, inEnvironment.Contains(r.Arn)
            ? options.Evaluator.Evaluate(r, metrics.GetValueOrDefault(r.Arn, MetricSet.Empty), now)
            : null)).ToList();
        return new IdleCollection(evaluated, queries.Count, metricReader.Calls, listingTime, clock.Elapsed - listingTime);
    }
}
