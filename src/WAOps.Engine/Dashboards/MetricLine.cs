using WAOps.Engine.Monitoring;

namespace WAOps.Engine.Dashboards;

/// <summary>One line of a graph: a metric with its dimensions, the statistic to draw, a label and the axis.</summary>
public sealed record MetricLine(string Namespace, string MetricName, IReadOnlyList<MetricDimension> Dimensions, string Stat, string Label, bool RightAxis = false);
