using WAOps.Engine.Dashboards;
using WAOps.Engine.Monitoring;
using Xunit;
using static WAOps.Engine.Tests.Dashboards.SampleResources;

namespace WAOps.Engine.Tests.Dashboards;

public sealed class WidgetCatalogTests
{
    private static string[] Titles(MonitoredResource resource) =>
        WidgetCatalog.GraphsFor(resource).Select(g => g.Title[(resource.Name.Length + 2)..]).ToArray();

    [Fact]
    public void EveryKindHasBetweenOneAndFourGraphsWithLinesBelowTheWidgetLimit()
    {
        var kinds = Workload().Select(r => r.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<MonitoredKind>().Length - 1, kinds.Count); // every kind but TargetGroup, covered below
        foreach (var resource in Workload())
        {
            var graphs = WidgetCatalog.GraphsFor(resource);
            Assert.InRange(graphs.Count, 1, 4);
            Assert.All(graphs, g =>
            {
                Assert.InRange(g.Lines.Count, 1, DashboardLimits.MaxMetricsPerWidget);
                Assert.Equal(0, g.Period % 60);
                Assert.StartsWith(resource.Name + ": ", g.Title);
                Assert.Equal(resource.Region, g.Region);
            });
        }
    }

    [Fact]
    public void LambdaShowsTrafficErrorsLatencyPercentilesAndSaturation()
    {
        var graphs = WidgetCatalog.GraphsFor(Lambda("orders-api"));
        Assert.Equal(new[] { "Invocations", "Errors and throttles", "Duration (ms)", "Concurrent executions" }, Titles(Lambda("orders-api")));
        Assert.Equal(new[] { "p50", "p90", "p99" }, graphs[2].Lines.Select(l => l.Stat));
        Assert.All(graphs.SelectMany(g => g.Lines), l =>
        {
            Assert.Equal("AWS/Lambda", l.Namespace);
            Assert.Equal(new[] { new MetricDimension("FunctionName", "orders-api") }, l.Dimensions);
        });
    }

    [Fact]
    public void CloudFrontMetricsAreGlobalAndLiveInUsEast1()
    {
        var graphs = WidgetCatalog.GraphsFor(Distribution("E2QWRUHEXAMPLE"));
        Assert.All(graphs, g => Assert.Equal("us-east-1", g.Region));
        Assert.All(graphs.SelectMany(g => g.Lines), l => Assert.Equal(
            new[] { new MetricDimension("DistributionId", "E2QWRUHEXAMPLE"), new MetricDimension("Region", "Global") }, l.Dimensions));
        Assert.Contains(graphs, g => g.Lines.Any(l => l.MetricName == "5xxErrorRate"));
    }

    [Fact]
    public void LoadBalancerHealthHasALinePairPerTargetGroupAndIsLeftOutWithoutTargetGroups()
    {
        var health = WidgetCatalog.GraphsFor(Alb("web", "web-blue", "web-green")).Single(g => g.Title == "web: Target health");
        Assert.Equal(new[] { "web-blue healthy", "web-blue unhealthy", "web-green healthy", "web-green unhealthy" }, health.Lines.Select(l => l.Label));
        Assert.All(health.Lines, l => Assert.Equal(
            new[] { new MetricDimension("TargetGroup", l.Label.StartsWith("web-blue") ? "targetgroup/web-blue/73e2d6bc24d8a067" : "targetgroup/web-green/73e2d6bc24d8a067"), new MetricDimension("LoadBalancer", "app/web/50dc6c495c0c9188") },
            l.Dimensions));

        Assert.Equal(new[] { "Requests", "HTTP errors", "Target response time (s)" }, Titles(Alb("web")));
    }

    [Fact]
    public void TargetGroupGraphsFollowTheirLoadBalancerType()
    {
        MonitoredResource Group(string type) => new(MonitoredKind.TargetGroup, "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/1", "eu-west-1", "api",
            new[] { new MetricDimension("TargetGroup", "targetgroup/api/1"), new MetricDimension("LoadBalancer", "app/web/2") },
            attributes: new Dictionary<string, string> { [MonitoredAttributes.LoadBalancerType] = type });

        Assert.All(WidgetCatalog.GraphsFor(Group("application")).SelectMany(g => g.Lines), l => Assert.Equal("AWS/ApplicationELB", l.Namespace));
        var network = WidgetCatalog.GraphsFor(Group("network"));
        Assert.Equal("api: Target health", Assert.Single(network).Title);
        Assert.All(network.SelectMany(g => g.Lines), l => Assert.Equal("AWS/NetworkELB", l.Namespace));
    }

    [Fact]
    public void EcsShowsContainerInsightsAndServiceConnectOnlyWhereThePublishersAreOn()
    {
        Assert.Equal(new[] { "CPU (%)", "Memory (%)" }, Titles(EcsCluster("main")));
        Assert.Equal(new[] { "CPU (%)", "Memory (%)", "Tasks and services" }, Titles(EcsCluster("main", "enhanced")));
        Assert.Equal(new[] { "CPU (%)", "Memory (%)" }, Titles(EcsService("main", "web")));
        Assert.Equal(new[] { "CPU (%)", "Memory (%)", "Tasks", "Service Connect" }, Titles(EcsService("main", "web", "enabled", serviceConnect: true)));
    }

    [Fact]
    public void RdsShowsLocalStorageForAuroraInstancesAndStorageSpaceForOthers()
    {
        static IEnumerable<string> Metrics(MonitoredResource r) => WidgetCatalog.GraphsFor(r).SelectMany(g => g.Lines).Select(l => l.MetricName);
        Assert.Contains("FreeStorageSpace", Metrics(Database("pg", "postgres")));
        Assert.DoesNotContain("FreeLocalStorage", Metrics(Database("pg", "postgres")));
        Assert.Contains("FreeLocalStorage", Metrics(Database("a1", "aurora-mysql")));
        Assert.DoesNotContain("FreeStorageSpace", Metrics(Database("a1", "aurora-mysql")));
    }

    [Fact]
    public void AuroraClusterGraphsSplitWriterAndReaders()
    {
        var cpu = WidgetCatalog.GraphsFor(Aurora("orders")).First();
        Assert.Equal(new[] { "WRITER", "READER" }, cpu.Lines.Select(l => l.Dimensions.Single(d => d.Name == "Role").Value));
    }

    [Fact]
    public void S3RequestGraphsNeedARequestMetricsFilterAndStorageGraphsAreDaily()
    {
        Assert.Equal(new[] { "Bucket size (bytes, daily)", "Objects (daily)" }, Titles(Bucket("assets")));
        var graphs = WidgetCatalog.GraphsFor(Bucket("assets", "EntireBucket"));
        Assert.Equal(4, graphs.Count);
        Assert.All(graphs.Take(2), g => Assert.Equal(86400, g.Period));
        Assert.All(graphs.Skip(2).SelectMany(g => g.Lines), l => Assert.Contains(new MetricDimension("FilterId", "EntireBucket"), l.Dimensions));
    }

    [Fact]
    public void ElastiCacheShowsReplicationLagOnlyInAReplicationGroup()
    {
        Assert.DoesNotContain(WidgetCatalog.GraphsFor(Cache("solo")).SelectMany(g => g.Lines), l => l.MetricName == "ReplicationLag");
        Assert.Contains(WidgetCatalog.GraphsFor(Cache("sessions-001", "sessions")).SelectMany(g => g.Lines), l => l.MetricName == "ReplicationLag");
    }

    [Fact]
    public void EventBridgeRulesOnACustomBusCarryTheBusDimension()
    {
        Assert.All(WidgetCatalog.GraphsFor(Rule("placed", "shop")).SelectMany(g => g.Lines), l => Assert.Equal(
            new[] { new MetricDimension("EventBusName", "shop"), new MetricDimension("RuleName", "placed") }, l.Dimensions));
        Assert.All(WidgetCatalog.GraphsFor(Rule("nightly")).SelectMany(g => g.Lines), l => Assert.Equal(new[] { new MetricDimension("RuleName", "nightly") }, l.Dimensions));
    }
}
