using System.Globalization;

namespace WAOps.Engine.Cleanup.Criteria;

/// <summary>
/// Idle load balancers, judged by their traffic alone: on every day of the last LoadBalancerLookbackDays days fewer
/// than LoadBalancerRequestsPerDay requests (ALB RequestCount; NLB and GWLB NewFlowCount), less than
/// LoadBalancerMegabytesPerDay processed (ProcessedBytes) and, for NLB and GWLB, no flow open at any time
/// (ActiveFlowCount, which catches long-lived connections that open no new flow). Target health never decides:
/// targets can be unavailable by design (Lambda targets, health checks off), draining, initial or unused while the
/// load balancer serves traffic (fixed responses, redirects). Load balancers publish these metrics only while traffic
/// flows, so a day without a datapoint counts as zero, provided the load balancer is known to be older than the window
/// (a younger one, or one whose age is unknown, is judged only when every day has a datapoint of every metric).
/// </summary>
public sealed class IdleLoadBalancerCriterion : IIdleCriterion
{
    public const string RequestsKey = "requests";
    public const string BytesKey = "bytes";
    public const string ActiveFlowsKey = "activeFlows";
    private const double BytesPerMegabyte = 1_000_000;

    private readonly IdleThresholds _thresholds;

    public IdleLoadBalancerCriterion(IdleThresholds thresholds) => _thresholds = thresholds;

    public string Name => IdleCriterionNames.IdleLoadBalancer;

    public IdleResourceKind Kind => IdleResourceKind.LoadBalancer;

    public IReadOnlyList<MetricQuery> MetricsFor(IdleResource resource)
    {
        if (resource is not LoadBalancerResource balancer || !IsActive(balancer) || TrafficOf(balancer) is not { } traffic)
        {
            return Array.Empty<MetricQuery>();
        }

        var dimensions = new[] { KeyValuePair.Create("LoadBalancer", balancer.MetricDimension) };
        return traffic.Metrics.Select(m => new MetricQuery(m.Key, traffic.Namespace, m.Name, dimensions, m.Statistic, _thresholds.LoadBalancerLookbackDays)).ToList();
    }

    public CriterionVerdict Evaluate(IdleResource resource, MetricSet metrics, DateTimeOffset now)
    {
        if (resource is not LoadBalancerResource balancer)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, "not a load balancer");
        }

        if (!IsActive(balancer))
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, $"state {balancer.State}");
        }

        var targets = balancer.Targets is { } read ? $"; targets: {read}" : string.Empty;
        if (TrafficOf(balancer) is not { } traffic)
        {
            return CriterionVerdict.Of(Name, IdleStatus.InsufficientData, $"no traffic metric is known for {balancer.Type} load balancers{targets}");
        }

        var series = new List<MetricSeries>();
        foreach (var metric in traffic.Metrics)
        {
            if (metrics.Get(metric.Key) is not { } values)
            {
                return CriterionVerdict.Of(Name, IdleStatus.InsufficientData, $"{metric.Name} was not read{targets}", series.ToArray());
            }

            series.Add(values);
        }

        var lookback = _thresholds.LoadBalancerLookbackDays;
        for (var i = 0; i < traffic.Metrics.Count; i++)
        {
            var metric = traffic.Metrics[i];
            var limit = metric.Limit(_thresholds);
            if (series[i].Points.Count > 0 && series[i].Points.MaxBy(p => p.Value) is var busiest && busiest.Value >= limit)
            {
                return CriterionVerdict.Of(Name, IdleStatus.Active,
                    $"{metric.Format(busiest.Value)} on {busiest.Timestamp.UtcDateTime:yyyy-MM-dd} (a quiet day has less than {metric.Format(limit)}){targets}", series.ToArray());
            }
        }

        var fewestDays = series.Min(s => s.ByDay().Count);
        var olderThanWindow = balancer.CreatedAt is { } created && now - created >= TimeSpan.FromDays(lookback);
        if (fewestDays < lookback && !olderThanWindow)
        {
            var since = balancer.CreatedAt is { } c ? $"created {c.UtcDateTime:yyyy-MM-dd}, less than the {lookback}-day window ago" : "its creation time is unknown";
            return CriterionVerdict.Of(Name, IdleStatus.InsufficientData,
                $"{since}, and days without a datapoint cannot be read as quiet ones ({fewestDays} of {lookback} days have every metric){targets}", series.ToArray());
        }

        var most = string.Join(", ", traffic.Metrics.Select((m, i) => $"at most {m.Format(series[i].Points.Count == 0 ? 0 : series[i].Points.Max(p => p.Value))}"));
        var quiet = string.Join(" and ", traffic.Metrics.Select(m => $"less than {m.Format(m.Limit(_thresholds))}"));
        return CriterionVerdict.Of(Name, IdleStatus.Idle,
            $"{quiet} on each of the last {lookback} days ({most}; days without a datapoint count as 0: load balancers publish traffic metrics only while traffic flows){targets}",
            series.ToArray());
    }

    private static bool IsActive(LoadBalancerResource balancer) => balancer.State is "active" or "active_impaired";

    private static TrafficMetrics? TrafficOf(LoadBalancerResource balancer) => balancer.Type switch
    {
        "application" => Application,
        "network" => Network,
        "gateway" => Gateway,
        _ => null,
    };

    private static readonly TrafficMetric Requests = new(RequestsKey, "RequestCount", "Sum", t => t.LoadBalancerRequestsPerDay, v => $"{Number(v)} requests");
    private static readonly TrafficMetric NewFlows = new(RequestsKey, "NewFlowCount", "Sum", t => t.LoadBalancerRequestsPerDay, v => $"{Number(v)} new flows");
    private static readonly TrafficMetric ActiveFlows = new(ActiveFlowsKey, "ActiveFlowCount", "Maximum", _ => 1, v => $"{Number(v)} open flow(s) at once");
    private static readonly TrafficMetric Bytes = new(BytesKey, "ProcessedBytes", "Sum", t => t.LoadBalancerMegabytesPerDay * BytesPerMegabyte, v => $"{IdleNatGatewayCriterion.Bytes(v)} processed");

    private static readonly TrafficMetrics Application = new("AWS/ApplicationELB", new[] { Requests, Bytes });
    private static readonly TrafficMetrics Network = new("AWS/NetworkELB", new[] { NewFlows, ActiveFlows, Bytes });
    private static readonly TrafficMetrics Gateway = new("AWS/GatewayELB", new[] { NewFlows, ActiveFlows, Bytes });

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private sealed record TrafficMetric(string Key, string Name, string Statistic, Func<IdleThresholds, double> Limit, Func<double, string> Format);

    private sealed record TrafficMetrics(string Namespace, IReadOnlyList<TrafficMetric> Metrics);
}
