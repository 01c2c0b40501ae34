using WAOps.Engine.Monitoring;

namespace WAOps.Engine.Alarms;

/// <summary>
/// One alarm New-WADashboard wants: its name and region, the metric and dimensions, the evaluation settings and
/// the threshold (null while AWS leaves it to the user and nobody has chosen one), the resource it watches, its
/// description and where its definition and threshold come from.
/// </summary>
public sealed record MetricAlarmSpec
{
    public required string Name { get; init; }

    public required string Region { get; init; }

    public required string ResourceArn { get; init; }

    public required string Namespace { get; init; }

    public required string MetricName { get; init; }

    public required IReadOnlyList<MetricDimension> Dimensions { get; init; }

    /// <summary>Average, Sum, ... or a percentile such as p90 (sent as ExtendedStatistic).</summary>
    public required string Statistic { get; init; }

    public required string ComparisonOperator { get; init; }

    public double? Threshold { get; init; }

    public required int Period { get; init; }

    public required int EvaluationPeriods { get; init; }

    public required int DatapointsToAlarm { get; init; }

    public required string TreatMissingData { get; init; }

    public required string Description { get; init; }

    public required AlarmSource Source { get; init; }

    /// <summary>Where the threshold comes from; meaningless while <see cref="Threshold"/> is null.</summary>
    public ThresholdSource ThresholdSource { get; init; }

    /// <summary>The -AlarmThreshold key of the metric ("AWS/Lambda/Errors").</summary>
    public string Key => $"{Namespace}/{MetricName}";

    public bool IsExtendedStatistic => Statistic.Length > 1 && (Statistic[0] == 'p' || Statistic[0] == 'P') && char.IsDigit(Statistic[1]);

    public string Condition => AlarmText.Condition(MetricName, Statistic, ComparisonOperator, Threshold, DatapointsToAlarm, EvaluationPeriods, Period, TreatMissingData);

    public override string ToString() => $"{Name}: {Condition}";
}
