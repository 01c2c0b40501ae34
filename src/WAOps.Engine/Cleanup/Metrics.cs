using System.Globalization;

namespace WAOps.Engine.Cleanup;

/// <summary>
/// One CloudWatch metric a criterion needs for one resource, as daily values over its look-back window: the
/// window ends at the start of the current UTC day and reaches back <see cref="LookbackDays"/> whole days.
/// </summary>
public sealed record MetricQuery(string Key, string Namespace, string MetricName, IReadOnlyList<KeyValuePair<string, string>> Dimensions, string Statistic, int LookbackDays)
{
    public const int DailyPeriodSeconds = 86400;

    public static DateTimeOffset WindowEnd(DateTimeOffset now) => new(now.UtcDateTime.Date, TimeSpan.Zero);

    public DateTimeOffset WindowStart(DateTimeOffset now) => WindowEnd(now).AddDays(-LookbackDays);

    public override string ToString() =>
        $"{Namespace} {MetricName} {Statistic} ({string.Join(",", Dimensions.Select(d => $"{d.Key}={d.Value}"))}, {LookbackDays} days)";
}

/// <summary>One datapoint: the start of its day and the statistic's value.</summary>
public readonly record struct MetricPoint(DateTimeOffset Timestamp, double Value);

/// <summary>
/// What CloudWatch returned for one <see cref="MetricQuery"/>: a datapoint per day that had data. Days without
/// data are absent, never zero (a stopped instance has no CPU datapoints); criteria decide what absence means and
/// say so in their evidence.
/// </summary>
public sealed class MetricSeries
{
    public MetricSeries(MetricQuery query, IEnumerable<MetricPoint> points)
    {
        Query = query;
        Points = points.OrderBy(p => p.Timestamp).ToList();
    }

    public MetricQuery Query { get; }

    public string Metric => $"{Query.MetricName} {Query.Statistic}";

    public IReadOnlyList<MetricPoint> Points { get; }

    public IReadOnlyList<DateTimeOffset> Timestamps => Points.Select(p => p.Timestamp).ToList();

    public IReadOnlyList<double> Values => Points.Select(p => p.Value).ToList();

    /// <summary>The values by UTC day.</summary>
    public IReadOnlyDictionary<DateOnly, double> ByDay()
    {
        var days = new Dictionary<DateOnly, double>();
        foreach (var point in Points)
        {
            days[DateOnly.FromDateTime(point.Timestamp.UtcDateTime)] = point.Value;
        }

        return days;
    }

    public override string ToString() =>
        $"{Metric}: {(Points.Count == 0 ? "no data" : string.Join(", ", Points.Select(p => Format(p.Value))))} ({Points.Count} of {Query.LookbackDays} days with data)";

    internal static string Format(double value) =>
        Math.Abs(value) >= 1_000_000 ? value.ToString("0.###E+0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>The metric series fetched for one resource, by query key.</summary>
public sealed class MetricSet
{
    public static readonly MetricSet Empty = new(Array.Empty<MetricSeries>());

    private readonly Dictionary<string, MetricSeries> _series;

    public MetricSet(IEnumerable<MetricSeries> series)
    {
        _series = series.ToDictionary(s => s.Query.Key, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<MetricSeries> All => _series.Values;

    /// <summary>The series for a query key; null when it was not fetched (which a criterion must treat as no evidence).</summary>
    public MetricSeries? Get(string key) => _series.TryGetValue(key, out var series) ? series : null;
}
