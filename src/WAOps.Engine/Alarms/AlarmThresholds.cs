using System.Globalization;
using WAOps.Engine.Dashboards;
using WAOps.Engine.Errors;

namespace WAOps.Engine.Alarms;

/// <summary>
/// Thresholds chosen by the user (-AlarmThreshold @{ 'AWS/Lambda/Errors' = 5 }): keyed by Namespace/MetricName of
/// the catalog (case-insensitive, stored in the catalog's spelling), values finite numbers. A threshold given here
/// replaces the recommended or default one of every alarm on that metric.
/// </summary>
public static class AlarmThresholds
{
    public static IReadOnlyDictionary<string, double> Parse(IEnumerable<KeyValuePair<string, string?>>? entries, IReadOnlyList<RecommendedAlarm>? catalog = null)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (entries is null)
        {
            return result;
        }

        var keys = (catalog ?? RecommendedAlarmCatalog.All).Select(a => a.Key).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (key, text) in entries)
        {
            var matches = keys.Where(k => string.Equals(k, key?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            var canonical = matches.FirstOrDefault(k => k == key?.Trim()) ?? (matches.Count == 1 ? matches[0] : null);
            if (canonical is null)
            {
                var metric = key?.Split('/').LastOrDefault() ?? string.Empty;
                var near = keys.Where(k => k.EndsWith("/" + metric, StringComparison.OrdinalIgnoreCase)).ToList();
                throw new WAOpsException(DashboardErrorIds.InvalidAlarmThreshold, ErrorKind.InvalidArgument,
                    $"-AlarmThreshold names '{key}', which is not a metric of the alarm catalog. Name it Namespace/MetricName"
                    + (near.Count > 0 ? $", for example {string.Join(" or ", near.Select(n => $"'{n}'"))}." : ", for example 'AWS/Lambda/Errors'."),
                    key)
                { RecommendedAction = "See the NOTES of Get-Help New-WADashboard -Full for the metrics and their keys." };
            }

            if (text is null || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new WAOpsException(DashboardErrorIds.InvalidAlarmThreshold, ErrorKind.InvalidArgument,
                    $"The -AlarmThreshold value for '{canonical}' is '{text}', which is not a number.", key)
                { RecommendedAction = "Give a number, such as @{ 'AWS/Lambda/Errors' = 5 }." };
            }

            result[canonical] = value;
        }

        return result;
    }
}
