using WAOps.Aws.Monitoring;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Monitoring;
using Xunit;

namespace WAOps.Aws.Tests.Monitoring;

/// <summary>
/// The resolver against moto seeded with boto3. moto 5.2.1 deviation met here: DescribeCacheClusters ignores
/// ShowCacheNodeInfo and lists no CacheNodes, so node ids come from NumCacheNodes (0001, ...), as ElastiCache numbers them.
/// </summary>
public sealed class MonitoredResourceResolverTests : IClassFixture<SeededWorkloadFixture>
{
    private readonly SeededWorkloadFixture _fixture;

    public MonitoredResourceResolverTests(SeededWorkloadFixture fixture)
    {
        fixture.LogName = nameof(MonitoredResourceResolverTests);
        _fixture = fixture;
        fixture.EnsureSeeded();
    }

    private async Task<ResolveResult> ResolveAsync(params string[] arns) =>
        await MonitoredResourceResolver.ResolveAsync(TestSessions.For(_fixture.Server, "eu-west-1"), arns.Select(a => new ResourceReference(a, "us-east-1")).ToList(), CancellationToken.None);

    private async Task<MonitoredResource> OneAsync(string arn)
    {
        var result = await ResolveAsync(arn);
        Assert.Empty(result.Ignored);
        Assert.Empty(result.Warnings);
        return Assert.Single(result.Resources);
    }

    [Fact]
    public async Task ArnOnlyKindsGetTheirDimensionsFromTheArn()
    {
        var queue = await OneAsync(_fixture.Arns("queue")[0]);
        Assert.Equal((MonitoredKind.SqsQueue, "shop-prod-orders", "us-east-1"), (queue.Kind, queue.Name, queue.Region));
        Assert.Equal(new[] { new MetricDimension("QueueName", "shop-prod-orders") }, queue.Dimensions);

        var function = await OneAsync(_fixture.Arns("function")[0] + ":live");
        Assert.Equal(new[] { new MetricDimension("FunctionName", "shop-prod-api") }, function.Dimensions);

        var asg = await OneAsync(_fixture.Arns("asg")[0]);
        Assert.Equal(new[] { new MetricDimension("AutoScalingGroupName", "shop-prod-workers") }, asg.Dimensions);

        var distribution = await OneAsync("arn:aws:cloudfront::123456789012:distribution/E2QWRUHEXAMPLE");
        Assert.Equal((MonitoredKind.CloudFrontDistribution, "us-east-1"), (distribution.Kind, distribution.Region));
    }

    [Fact]
    public async Task ALoadBalancerCarriesItsTargetGroups()
    {
        var balancer = await OneAsync(_fixture.Arns("loadbalancer")[0]);
        Assert.Equal(MonitoredKind.ApplicationLoadBalancer, balancer.Kind);
        Assert.Equal("shop-prod-web", balancer.Name);
        Assert.StartsWith("app/shop-prod-web/", balancer.Dimensions.Single().Value);
        Assert.Equal(_fixture.Arns("targetgroup").Take(2).Select(a => a[(a.IndexOf("targetgroup/", StringComparison.Ordinal))..]).OrderBy(a => a, StringComparer.Ordinal), balancer.Facet("TargetGroup"));
    }

    [Fact]
    public async Task ATargetGroupOutsideTheWorkloadsLoadBalancersIsItsOwnResourceAndOneInsideMerges()
    {
        var groups = _fixture.Arns("targetgroup");
        var result = await ResolveAsync(_fixture.Arns("loadbalancer")[0], groups[0], groups[2]);
        Assert.Equal(new[] { MonitoredKind.ApplicationLoadBalancer, MonitoredKind.TargetGroup }, result.Resources.Select(r => r.Kind));
        var group = result.Resources[1];
        Assert.Equal("shop-prod-admin/shop-prod-admin", group.Name);
        Assert.Equal(new[] { "TargetGroup", "LoadBalancer" }, group.Dimensions.Select(d => d.Name));
        Assert.Equal("application", group.Attribute(MonitoredAttributes.LoadBalancerType));
    }

    [Fact]
    public async Task EcsClustersAndServicesCarryContainerInsightsAndServiceFacts()
    {
        var result = await ResolveAsync(_fixture.Arns("ecs"));
        var cluster = result.Resources.Single(r => r.Kind == MonitoredKind.EcsCluster);
        Assert.Equal("enabled", cluster.Attribute(MonitoredAttributes.ContainerInsights));
        var service = result.Resources.Single(r => r.Kind == MonitoredKind.EcsService);
        Assert.Equal("shop-prod-main/checkout", service.Name);
        Assert.Equal(new[] { new MetricDimension("ClusterName", "shop-prod-main"), new MetricDimension("ServiceName", "checkout") }, service.Dimensions);
        Assert.Equal(("enabled", "false", "false"), (service.Attribute(MonitoredAttributes.ContainerInsights), service.Attribute(MonitoredAttributes.ServiceConnect), service.Attribute(MonitoredAttributes.EbsVolumes)));
    }

    [Fact]
    public async Task DatabasesAndCachesCarryTheirEnginesAndNodes()
    {
        var result = await ResolveAsync(_fixture.Arns("db")[0], _fixture.Arns("aurora")[0], _fixture.Arns("cache")[0]);
        var instance = result.Resources.Single(r => r.Kind == MonitoredKind.RdsInstance);
        Assert.Equal(("postgres", "false", "false"), (instance.Attribute(MonitoredAttributes.Engine), instance.Attribute(MonitoredAttributes.ReadReplica), instance.Attribute(MonitoredAttributes.PerformanceInsights)));
        var aurora = result.Resources.Single(r => r.Kind == MonitoredKind.AuroraCluster);
        Assert.Equal(("aurora-mysql", "false"), (aurora.Attribute(MonitoredAttributes.Engine), aurora.Attribute(MonitoredAttributes.BinlogReplica)));
        var cache = result.Resources.Single(r => r.Kind == MonitoredKind.ElastiCacheCluster);
        Assert.Equal("redis", cache.Attribute(MonitoredAttributes.Engine));
        Assert.Equal(new[] { "0001" }, cache.Facet("CacheNodeId"));
    }

    [Fact]
    public async Task ABucketGetsItsRegionAndItsRequestMetricsFilters()
    {
        var bucket = await OneAsync(_fixture.Arns("bucket")[0]);
        Assert.Equal(("shop-prod-assets", "us-east-1"), (bucket.Name, bucket.Region));
        Assert.Equal(new[] { "EntireBucket" }, bucket.Facet("FilterId"));
    }

    [Fact]
    public async Task ApisAndRulesAreDescribedFromTheirArnsAndRestApisByName()
    {
        var others = _fixture.Others;
        var result = await ResolveAsync(others.GetProperty("restApi").GetString()!, others.GetProperty("httpApi").GetString()!,
            others.GetProperty("rule")[0].GetString()!, others.GetProperty("rule")[1].GetString()!, "arn:aws:eks:us-east-1:123456789012:cluster/platform");
        Assert.Empty(result.Ignored);
        Assert.Equal(new[] { new MetricDimension("ApiName", "shop-api") }, result.Resources.Single(r => r.Kind == MonitoredKind.ApiGatewayRestApi).Dimensions);
        Assert.Equal(new[] { new MetricDimension("ApiId", others.GetProperty("httpApiId").GetString()!) }, result.Resources.Single(r => r.Kind == MonitoredKind.ApiGatewayHttpApi).Dimensions);
        var rules = result.Resources.Where(r => r.Kind == MonitoredKind.EventBridgeRule).ToList();
        Assert.Equal(new[] { "nightly", "partners/order-placed" }, rules.Select(r => r.Name));
        Assert.Equal(new[] { new MetricDimension("EventBusName", "partners"), new MetricDimension("RuleName", "order-placed") }, rules[1].Dimensions);
        Assert.Single(result.Resources, r => r.Kind == MonitoredKind.EksCluster);
    }

    [Fact]
    public async Task KindsWithoutWidgetsAndResourcesThatAreGoneAreLeftOutWithTheReason()
    {
        var result = await ResolveAsync(
            _fixture.Arns("ignored")[0],
            "arn:aws:rds:us-east-1:123456789012:db:no-such-db",
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/gone/0123456789abcdef",
            "arn:aws:ecs:us-east-1:123456789012:cluster/no-such-cluster",
            "arn:aws:ecs:us-east-1:123456789012:service/old-format-service",
            "arn:aws:apigateway:us-east-1::/restapis/nope00");
        Assert.Empty(result.Resources);
        var reasons = result.Ignored.ToDictionary(i => i.Arn, i => i.Reason);
        Assert.Contains("no widgets or alarms for kms:key", reasons[_fixture.Arns("ignored")[0]]);
        Assert.Equal("the DB instance does not exist.", reasons["arn:aws:rds:us-east-1:123456789012:db:no-such-db"]);
        Assert.Equal("the load balancer does not exist.", reasons["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/gone/0123456789abcdef"]);
        Assert.Equal("the ECS cluster does not exist.", reasons["arn:aws:ecs:us-east-1:123456789012:cluster/no-such-cluster"]);
        Assert.Contains("old format", reasons["arn:aws:ecs:us-east-1:123456789012:service/old-format-service"]);
        Assert.Contains("REST API does not exist", reasons["arn:aws:apigateway:us-east-1::/restapis/nope00"]);
    }
}
