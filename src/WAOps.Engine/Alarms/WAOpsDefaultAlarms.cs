using WAOps.Engine.Monitoring;

namespace WAOps.Engine.Alarms;

/// <summary>
/// WAOps' documented defaults for metrics AWS's recommended alarms do not cover. AWS publishes no recommended
/// alarm for Application and Network Load Balancers or EventBridge rules; these are the alarms an SRE sets first.
/// Every value is listed in New-WADashboard's help and can be changed with -AlarmThreshold.
/// <list type="bullet">
/// <item>ALB target 5XX: HTTPCode_Target_5XX_Count Sum &gt; 10 per minute for 5 of 5 minutes; missing data is
/// notBreaching (ALB publishes counts only while traffic flows).</item>
/// <item>ALB target response time: TargetResponseTime p90 &gt; 1 s for 5 of 5 minutes; notBreaching.</item>
/// <item>ALB and NLB unhealthy hosts: UnHealthyHostCount Maximum &gt; 0 per target group for 5 of 5 minutes; notBreaching.</item>
/// <item>EventBridge rules: FailedInvocations Sum &gt; 0 in a minute; notBreaching (EventBridge publishes it only when it is not zero).</item>
/// </list>
/// </summary>
public static class WAOpsDefaultAlarms
{
    public static IReadOnlyList<RecommendedAlarm> All { get; } = new[]
    {
        Default("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", new[] { "LoadBalancer" }, "Sum", "GreaterThanThreshold", 10, 5, 5),
        Default("AWS/ApplicationELB", "TargetResponseTime", new[] { "LoadBalancer" }, "p90", "GreaterThanThreshold", 1, 5, 5),
        Default("AWS/ApplicationELB", "UnHealthyHostCount", new[] { "TargetGroup", "LoadBalancer" }, "Maximum", "GreaterThanThreshold", 0, 5, 5),
        Default("AWS/NetworkELB", "UnHealthyHostCount", new[] { "TargetGroup", "LoadBalancer" }, "Maximum", "GreaterThanThreshold", 0, 5, 5),
        Default("AWS/Events", "FailedInvocations", new[] { "RuleName" }, "Sum", "GreaterThanThreshold", 0, 1, 1),
        Default("AWS/Events", "FailedInvocations", new[] { "EventBusName", "RuleName" }, "Sum", "GreaterThanThreshold", 0, 1, 1),
    };

    private static RecommendedAlarm Default(string ns, string metric, string[] dimensions, string statistic, string comparison, double threshold, int evaluationPeriods, int datapoints) =>
        new(ns, metric, dimensions, Array.Empty<MetricDimension>(), statistic, comparison, threshold, 60, evaluationPeriods, datapoints, "notBreaching", AlarmSource.WAOpsDefault);
}
