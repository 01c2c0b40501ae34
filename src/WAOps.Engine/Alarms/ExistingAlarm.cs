using WAOps.Engine.Monitoring;

namespace WAOps.Engine.Alarms;

/// <summary>A metric alarm as DescribeAlarms reports it, reduced to what the planner compares.</summary>
public sealed record ExistingAlarm
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required string Region { get; init; }

    public string? Namespace { get; init; }

    public string? MetricName { get; init; }

    public IReadOnlyList<MetricDimension> Dimensions { get; init; } = Array.Empty<MetricDimension>();

    public string? Statistic { get; init; }

    public string? ExtendedStatistic { get; init; }

    public int? Period { get; init; }

    public int? EvaluationPeriods { get; init; }

    public int? DatapointsToAlarm { get; init; }

    public double? Threshold { get; init; }

    public string? ComparisonOperator { get; init; }

    public string? TreatMissingData { get; init; }

    public string? Description { get; init; }

    public bool? ActionsEnabled { get; init; }

    public IReadOnlyList<string> AlarmActions { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> OKActions { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> InsufficientDataActions { get; init; } = Array.Empty<string>();

    /// <summary>OK, ALARM or INSUFFICIENT_DATA.</summary>
    public string? StateValue { get; init; }

    /// <summary>The statistic as the catalog writes it: ExtendedStatistic (p90) when set, else Statistic.</summary>
    public string? EffectiveStatistic => ExtendedStatistic ?? Statistic;

    public string Condition => AlarmText.Condition(MetricName ?? "(no metric)", EffectiveStatistic ?? "?", ComparisonOperator ?? "?", Threshold,
        DatapointsToAlarm ?? EvaluationPeriods ?? 0, EvaluationPeriods ?? 0, Period ?? 0, TreatMissingData ?? "missing");
}
