using System.Globalization;
using WAOps.Engine.Monitoring;

namespace WAOps.Engine.Alarms;

/// <summary>
/// One alarm definition of the catalog: metric, the dimension names it is defined on (plus dimensions with fixed
/// values such as Role=WRITER), statistic (Average, Sum, ... or a percentile such as p90), comparison, threshold
/// (null where AWS leaves it to the user), period, evaluation periods, datapoints to alarm and the treatment of
/// missing data.
/// </summary>
public sealed record RecommendedAlarm(
    string Namespace,
    string MetricName,
    IReadOnlyList<string> DimensionNames,
    IReadOnlyList<MetricDimension> FixedDimensions,
    string Statistic,
    string ComparisonOperator,
    double? Threshold,
    int Period,
    int EvaluationPeriods,
    int DatapointsToAlarm,
    string TreatMissingData,
    AlarmSource Source)
{
    /// <summary>"AWS/Lambda/Errors": how -AlarmThreshold names the metric.</summary>
    public string Key => $"{Namespace}/{MetricName}";

    /// <summary>Percentiles (p90, p99.9, ...) go to PutMetricAlarm as ExtendedStatistic, the others as Statistic.</summary>
    public bool IsExtendedStatistic => Statistic.Length > 1 && (Statistic[0] == 'p' || Statistic[0] == 'P') && char.IsDigit(Statistic[1]);

    public override string ToString() =>
        $"{Key} [{string.Join(";", DimensionNames.Concat(FixedDimensions.Select(d => d.ToString())))}] {Statistic} {AlarmText.Operator(ComparisonOperator)} "
        + (Threshold is { } t ? t.ToString(CultureInfo.InvariantCulture) : "(threshold to choose)");
}
