using System.Collections.Concurrent;
using System.Globalization;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Services.CloudWatch.Model;
using WAOps.Engine.Cleanup;
using WAOps.Engine.Errors;

namespace WAOps.Aws.Cleanup;

/// <summary>One metric a criterion needs, for the resource (by ARN) it belongs to.</summary>
public sealed record OwnedMetricQuery(string Owner, MetricQuery Query);

/// <summary>
/// Reads daily metric values for many resources with as few GetMetricData calls as CloudWatch allows: queries with
/// the same window share calls, 500 to a call (CloudWatch's limit), so 2,000 instances with 3 metrics each take 12
/// calls. Calls run in parallel under a small bound; a call's further pages (NextToken) are followed. A query whose
/// result is missing or not Complete is left out, so its criterion sees no data (never zero).
/// </summary>
public sealed class MetricDataReader
{
    private readonly CloudWatchClient _client;
    private readonly int _concurrency;
    private int _calls;

    public MetricDataReader(CloudWatchClient client, int concurrency = 4)
    {
        _client = client;
        _concurrency = Math.Max(1, concurrency);
    }

    /// <summary>GetMetricData calls made so far (pages included).</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The number of calls <paramref name="queries"/> need (one per 500 queries of the same window), before any further pages.</summary>
    public static int CallsNeeded(IEnumerable<OwnedMetricQuery> queries) =>
        queries.GroupBy(q => q.Query.LookbackDays).Sum(g => (g.Count() + CloudWatchClient.MaxMetricDataQueries - 1) / CloudWatchClient.MaxMetricDataQueries);

    /// <summary>
    /// The metric sets by owner; <paramref name="onBatch"/> hears (done, total) after each call. A batch that fails (access
    /// denied, say) goes to <paramref name="onFailure"/> and its queries stay unread, so their criteria see no evidence and
    /// nothing is acted on by them; without <paramref name="onFailure"/> the failure is thrown.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, MetricSet>> ReadAsync(IReadOnlyList<OwnedMetricQuery> queries, DateTimeOffset now, Action<int, int>? onBatch, CancellationToken cancellationToken,
        Action<WAOpsException>? onFailure = null)
    {
        var series = new ConcurrentBag<(string Owner, MetricSeries Series)>();
        var batches = queries
            .GroupBy(q => q.Query.LookbackDays)
            .SelectMany(window => window.Chunk(CloudWatchClient.MaxMetricDataQueries))
            .ToList();
        var done = 0;
        using var gate = new SemaphoreSlim(_concurrency);
        await Task.WhenAll(batches.Select(async batch =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var item in await ReadBatchAsync(batch, now, cancellationToken).ConfigureAwait(false))
                {
                    series.Add(item);
                }
            }
            catch (WAOpsException ex) when (onFailure is not null)
            {
                onFailure(ex);
            }
            finally
            {
                gate.Release();
            }

            onBatch?.Invoke(Interlocked.Increment(ref done), batches.Count);
        })).ConfigureAwait(false);

        return series.GroupBy(s => s.Owner, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new MetricSet(g.Select(s => s.Series)), StringComparer.Ordinal);
    }

    private async Task<IEnumerable<(string Owner, MetricSeries Series)>> ReadBatchAsync(OwnedMetricQuery[] batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var window = batch[0].Query;
        var request = new GetMetricDataRequest
        {
            StartTime = window.WindowStart(now).UtcDateTime,
            EndTime = MetricQuery.WindowEnd(now).UtcDateTime,
            ScanBy = "TimestampAscending",
            MaxDatapoints = CloudWatchClient.MaxMetricDatapoints,
            MetricDataQueries = batch.Select((q, index) => new MetricDataQuery
            {
                Id = "m" + index.ToString(CultureInfo.InvariantCulture),
                ReturnData = true,
                MetricStat = new MetricStat
                {
                    Metric = new Metric
                    {
                        Namespace = q.Query.Namespace,
                        MetricName = q.Query.MetricName,
                        Dimensions = q.Query.Dimensions.Select(d => new Dimension { Name = d.Key, Value = d.Value }).ToList(),
                    },
                    Period = MetricQuery.DailyPeriodSeconds,
                    Stat = q.Query.Statistic,
                },
            }).ToList(),
        };

        var points = new Dictionary<string, List<MetricPoint>>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var response = await _client.GetMetricDataAsync(request, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _calls);
            foreach (var result in response.MetricDataResults.Where(r => r.Id is not null))
            {
                if (result.StatusCode is not ("Complete" or "PartialData"))
                {
                    failed.Add(result.Id!);
                }

                if (!points.TryGetValue(result.Id!, out var list))
                {
                    points[result.Id!] = list = new List<MetricPoint>();
                }

                for (var i = 0; i < Math.Min(result.Timestamps.Count, result.Values.Count); i++)
                {
                    list.Add(new MetricPoint(new DateTimeOffset(DateTime.SpecifyKind(result.Timestamps[i], DateTimeKind.Utc)), result.Values[i]));
                }
            }

            request.NextToken = response.NextToken;
        }
        while (!string.IsNullOrEmpty(request.NextToken) && tokens.Add(request.NextToken));

        return batch.Select((q, index) => (q, id: "m" + index.ToString(CultureInfo.InvariantCulture)))
            .Where(x => points.ContainsKey(x.id) && !failed.Contains(x.id))
            .Select(x => (x.q.Owner, new MetricSeries(x.q.Query, points[x.id])));
    }
}
