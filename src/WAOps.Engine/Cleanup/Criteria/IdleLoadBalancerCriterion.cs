using System.Globalization;

namespace WAOps.Engine.Cleanup.Criteria;

/// <summary>
/// Trusted Advisor's idle load balancer check: no healthy targets, or fewer than LoadBalancerRequestsPerDay
/// requests (ALB RequestCount; NLB NewFlowCount) on every day of the last LoadBalancerLookbackDays days. Load
/// balancers publish these metrics only while traffic flows, so a day without a datapoint counts as zero requests
/// — provided the load balancer is older than the window (a younger one is judged only when every day has a
/// datapoint). Gateway load balancers are judged on targets only.
/// </summary>
public sealed class IdleLoadBalancerCriterion : IIdleCriterion
{
    public const string RequestsKey = "requests";

    private readonly IdleThresholds _thresholds;

    public IdleLoadBalancerCriterion(IdleThresholds thresholds) => _thresholds = thresholds;

    public string Name => IdleCriterionNames.IdleLoadBalancer;

    public IdleResourceKind Kind => IdleResourceKind.LoadBalancer;

    public IReadOnlyList<MetricQuery> MetricsFor(IdleResource resource)
    {
        if (resource is not LoadBalancerResource balancer || !IsActive(balancer) || balancer.HealthyTargets is null or 0)
        {
            return Array.Empty<MetricQuery>();
        }

        var metric = MetricOf(balancer);
        return metric is null
            ? Array.Empty<MetricQuery>()
            : new[] { new MetricQuery(RequestsKey, metric.Value.Namespace, metric.Value.Name, new[] { KeyValuePair.Create("LoadBalancer", balancer.MetricDimension) }, "Sum", _thresholds.LoadBalancerLookbackDays) };
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

        if (balancer.HealthyTargets is null)
        {
            return CriterionVerdict.Of(Name, IdleStatus.InsufficientData, "target health was not read");
        }

        if (balancer.HealthyTargets == 0)
        {
            return CriterionVerdict.Of(Name, IdleStatus.Idle,
                $"no healthy targets ({balancer.RegisteredTargets} registered in {balancer.TargetGroups} target group(s))");
        }

        var metric = MetricOf(balancer);
        if (metric is null)
        {
            return CriterionVerdict.Of(Name, IdleStatus.Active, $"{balancer.HealthyTargets} healthy target(s); {balancer.Type} load balancers are not judged by traffic");
        }

        var lookback = _thresholds.LoadBalancerLookbackDays;
        var requests = metrics.Get(RequestsKey);
        if (requests is null)
        {
            return CriterionVerdict.Of(Name, IdleStatus.InsufficientData, $"{balancer.HealthyTargets} healthy target(s); {metric.Value.Name} was not read");
        }

        var busiest = requests.Points.OrderByDescending(p => p.Value).FirstOrDefault();
        var threshold = _thresholds.LoadBalancerRequestsPerDay;
        if (requests.Points.Count > 0 && busiest.Value >= threshold)
        {
            return CriterionVerdict.Of(Name, IdleStatus.Active,
                $"{F(busiest.Value)} {metric.Value.Name} on {busiest.Timestamp.UtcDateTime:yyyy-MM-dd} (threshold {F(threshold)}/day)", requests);
        }

        var days = requests.ByDay().Count;
        if (days < lookback && balancer.CreatedAt is { } created && now - created < TimeSpan.FromDays(lookback))
        {
            return CriterionVerdict.Of(Name, IdleStatus.InsufficientData,
                $"created {created.UtcDateTime:yyyy-MM-dd}, less than the {lookback}-day window ago, and {lookback - days} day(s) have no datapoint", requests);
        }

        var most = requests.Points.Count == 0 ? 0 : busiest.Value;
        return CriterionVerdict.Of(Name, IdleStatus.Idle,
            $"fewer than {F(threshold)} {metric.Value.Name} on each of the last {lookback} days (at most {F(most)}; {requests.Points.Count} day(s) with datapoints, "
            + "days without count as 0: load balancers publish no datapoint without traffic)", requests);
    }

    private static bool IsActive(LoadBalancerResource balancer) => balancer.State is "active" or "active_impaired";

    private static (string Namespace, string Name)? MetricOf(LoadBalancerResource balancer) => balancer.Type switch
    {
        "application" => ("AWS/ApplicationELB", "RequestCount"),
        "network" => ("AWS/NetworkELB", "NewFlowCount"),
        _ => null,
    };

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
