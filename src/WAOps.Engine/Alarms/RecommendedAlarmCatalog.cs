using System.Globalization;
using System.Reflection;
using WAOps.Engine.Monitoring;

namespace WAOps.Engine.Alarms;

/// <summary>
/// AWS's recommended alarms, read from the copy of recommended-alarms.csv embedded in this assembly (columns
/// namespace, metric, dimensions, statistic, comparison, static_threshold, period_s, evaluation_periods,
/// datapoints_to_alarm, treat_missing_data; dimensions separated by ';', "Name=Value" for a fixed value, an empty
/// threshold where AWS leaves it to the user), followed by WAOps' documented defaults.
/// </summary>
public static class RecommendedAlarmCatalog
{
    public const string ResourceName = "WAOps.Engine.Alarms.recommended-alarms.csv";

    private static readonly string[] Columns =
    {
        "namespace", "metric", "dimensions", "statistic", "comparison", "static_threshold", "period_s", "evaluation_periods", "datapoints_to_alarm", "treat_missing_data",
    };

    private static readonly Lazy<IReadOnlyList<RecommendedAlarm>> Loaded = new(() =>
    {
        using var stream = typeof(RecommendedAlarmCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly {typeof(RecommendedAlarmCatalog).Assembly.GetName().Name} lacks its embedded {ResourceName}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd()).Concat(WAOpsDefaultAlarms.All).ToList();
    });

    /// <summary>AWS's recommended alarms, then WAOps' defaults.</summary>
    public static IReadOnlyList<RecommendedAlarm> All => Loaded.Value;

    /// <summary>The metrics -AlarmThreshold can name ("AWS/Lambda/Errors"), in catalog order.</summary>
    public static IReadOnlyList<string> Keys => All.Select(a => a.Key).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Parses the CSV text; a malformed row is an error that names its line.</summary>
    public static IReadOnlyList<RecommendedAlarm> Parse(string csv)
    {
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.FirstOrDefault()?.Split(',').Select(h => h.Trim()).ToArray() ?? Array.Empty<string>();
        if (!header.SequenceEqual(Columns, StringComparer.Ordinal))
        {
            throw new FormatException($"The recommended alarms CSV must have the columns {string.Join(",", Columns)}; it has {string.Join(",", header)}.");
        }

        var alarms = new List<RecommendedAlarm>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (cells.Length != Columns.Length)
            {
                throw new FormatException($"Line {i + 1} of the recommended alarms CSV has {cells.Length} cells, not {Columns.Length}: {lines[i]}");
            }

            try
            {
                alarms.Add(ParseRow(cells));
            }
            catch (FormatException ex)
            {
                throw new FormatException($"Line {i + 1} of the recommended alarms CSV is malformed ({ex.Message}): {lines[i]}", ex);
            }
        }

        return alarms;
    }

    private static RecommendedAlarm ParseRow(string[] cells)
    {
        var names = new List<string>();
        var fixedDimensions = new List<MetricDimension>();
        foreach (var part in cells[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                fixedDimensions.Add(new MetricDimension(part[..equals], part[(equals + 1)..]));
            }
            else
            {
                names.Add(part);
            }
        }

        var comparison = cells[4].Trim();
        if (comparison is not ("GreaterThanThreshold" or "GreaterThanOrEqualToThreshold" or "LessThanThreshold" or "LessThanOrEqualToThreshold"))
        {
            throw new FormatException($"unknown comparison '{comparison}'");
        }

        var missing = cells[9].Trim();
        if (missing is not ("missing" or "notBreaching" or "breaching" or "ignore"))
        {
            throw new FormatException($"unknown missing-data treatment '{missing}'");
        }

        double? threshold = string.IsNullOrWhiteSpace(cells[5]) ? null : double.Parse(cells[5], NumberStyles.Float, CultureInfo.InvariantCulture);
        var period = int.Parse(cells[6], NumberStyles.None, CultureInfo.InvariantCulture);
        var evaluationPeriods = int.Parse(cells[7], NumberStyles.None, CultureInfo.InvariantCulture);
        var datapoints = int.Parse(cells[8], NumberStyles.None, CultureInfo.InvariantCulture);
        if (period <= 0 || period % 60 != 0 || evaluationPeriods <= 0 || datapoints <= 0 || datapoints > evaluationPeriods || period * evaluationPeriods > 86400)
        {
            throw new FormatException("period, evaluation periods or datapoints out of range");
        }

        return new RecommendedAlarm(cells[0].Trim(), cells[1].Trim(), names, fixedDimensions, cells[3].Trim(), comparison, threshold,
            period, evaluationPeriods, datapoints, missing, AlarmSource.AwsRecommended);
    }
}
