using System.Text.Json.Nodes;
using WAOps.Aws.Services.ApiGateway;
using WAOps.Aws.Services.ApiGateway.Model;
using WAOps.Aws.Services.AutoScaling;
using WAOps.Aws.Services.AutoScaling.Model;
using WAOps.Aws.Services.CloudFormation;
using WAOps.Aws.Services.CloudFormation.Model;
using WAOps.Aws.Services.Ecs;
using WAOps.Aws.Services.Ecs.Model;
using WAOps.Aws.Services.ElastiCache;
using WAOps.Aws.Services.ElastiCache.Model;
using WAOps.Aws.Services.ElasticLoadBalancingV2;
using WAOps.Aws.Services.ElasticLoadBalancingV2.Model;
using WAOps.Aws.Tests.Support;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

/// <summary>
/// The reads New-WADashboard's discovery makes go on the wire as the AWS CLI sends them, member for member: both send the
/// same operation and inputs to a capturing endpoint and the captures are compared. moto answers all of them, and the
/// discovery tests read real answers; this pins the request form (list member names, page sizes, include flags, paths).
/// </summary>
public sealed class MonitoringWireFormTests
{
    private static CapturedRequest Cli(CapturingEndpoint endpoint, params string[] arguments)
    {
        try
        {
            ExternalTools.AwsCli(endpoint.Endpoint, "us-east-1", arguments);
        }
        catch (InvalidOperationException)
        {
            // The canned answer may not parse as this operation's output; only the request matters here.
        }

        Assert.True(endpoint.Requests.TryDequeue(out var request));
        return request!;
    }

    private static CapturedRequest Waops(CapturingEndpoint endpoint)
    {
        Assert.True(endpoint.Requests.TryDequeue(out var request));
        Assert.True(endpoint.Requests.IsEmpty);
        return request!;
    }

    private static SortedDictionary<string, string> Form(string body) => new(
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : string.Empty)),
        StringComparer.Ordinal);

    private static CapturingEndpoint Query(string action) =>
        new(contentType: "text/xml", body: $"<{action}Response><{action}Result/></{action}Response>");

    [Fact]
    public async Task DescribeTargetGroupsOfALoadBalancer()
    {
        using var endpoint = Query("DescribeTargetGroups");
        const string Balancer = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188";
        await foreach (var _ in new ElasticLoadBalancingV2Client(TestSessions.For(endpoint.Endpoint)).DescribeAllTargetGroupsAsync(Balancer))
        {
        }

        var waops = Waops(endpoint);
        Assert.Equal(Form(Cli(endpoint, "elbv2", "describe-target-groups", "--load-balancer-arn", Balancer, "--page-size", "400", "--no-paginate").BodyText), Form(waops.BodyText));
    }

    [Fact]
    public async Task DescribeTargetGroupsByArn()
    {
        using var endpoint = Query("DescribeTargetGroups");
        var groups = new List<string> { "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/a/1", "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/b/2" };
        await new ElasticLoadBalancingV2Client(TestSessions.For(endpoint.Endpoint)).DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { TargetGroupArns = groups });
        var waops = Waops(endpoint);
        Assert.Equal(Form(Cli(endpoint, "elbv2", "describe-target-groups", "--target-group-arns", groups[0], groups[1], "--no-paginate").BodyText), Form(waops.BodyText));
    }

    [Fact]
    public async Task DescribeAutoScalingGroupsWithTagFilters()
    {
        using var endpoint = Query("DescribeAutoScalingGroups");
        await new AutoScalingClient(TestSessions.For(endpoint.Endpoint)).DescribeAutoScalingGroupsAsync(new DescribeAutoScalingGroupsRequest
        {
            Filters = new() { new Filter { Name = "tag:Project", Values = new() { "shop" } }, new Filter { Name = "tag:Environment", Values = new() { "prod", "staging" } } },
            MaxRecords = 100,
        });
        var waops = Waops(endpoint);
        var cli = Cli(endpoint, "autoscaling", "describe-auto-scaling-groups", "--filters", "Name=tag:Project,Values=shop", "Name=tag:Environment,Values=prod,staging",
            "--max-records", "100", "--no-paginate");
        Assert.Equal(Form(cli.BodyText), Form(waops.BodyText));
    }

    [Fact]
    public async Task ListStackResources()
    {
        using var endpoint = Query("ListStackResources");
        await new CloudFormationClient(TestSessions.For(endpoint.Endpoint)).ListStackResourcesAsync(new ListStackResourcesRequest { StackName = "checkout-prod", NextToken = "t1" });
        var waops = Waops(endpoint);
        Assert.Equal(Form(Cli(endpoint, "cloudformation", "list-stack-resources", "--stack-name", "checkout-prod", "--starting-token", "t1", "--max-items", "1000").BodyText), Form(waops.BodyText));
    }

    [Fact]
    public async Task DescribeCacheClustersWithNodesAndReplicationGroups()
    {
        using var clusters = Query("DescribeCacheClusters");
        await foreach (var _ in new ElastiCacheClient(TestSessions.For(clusters.Endpoint)).DescribeAllCacheClustersWithNodesAsync())
        {
        }

        var waops = Waops(clusters);
        Assert.Equal(Form(Cli(clusters, "elasticache", "describe-cache-clusters", "--show-cache-node-info", "--max-records", "100", "--no-paginate").BodyText), Form(waops.BodyText));

        using var groups = Query("DescribeReplicationGroups");
        await foreach (var _ in new ElastiCacheClient(TestSessions.For(groups.Endpoint)).DescribeAllReplicationGroupsAsync())
        {
        }

        waops = Waops(groups);
        Assert.Equal(Form(Cli(groups, "elasticache", "describe-replication-groups", "--max-records", "100", "--no-paginate").BodyText), Form(waops.BodyText));
    }

    [Fact]
    public async Task DescribeEcsClustersWithSettingsAndServices()
    {
        using var endpoint = new CapturingEndpoint(body: "{}");
        var ecs = new EcsClient(TestSessions.For(endpoint.Endpoint));
        await ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = new() { "main", "batch" }, Include = new() { "SETTINGS" } });
        var waops = Waops(endpoint);
        var cli = Cli(endpoint, "ecs", "describe-clusters", "--clusters", "main", "batch", "--include", "SETTINGS");
        Assert.Equal(cli.Header("x-amz-target"), waops.Header("x-amz-target"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cli.BodyText), JsonNode.Parse(waops.BodyText)), $"AWS CLI: {cli.BodyText}\nWAOps:   {waops.BodyText}");

        await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "main", Services = new() { "web", "worker" } });
        waops = Waops(endpoint);
        cli = Cli(endpoint, "ecs", "describe-services", "--cluster", "main", "--services", "web", "worker");
        Assert.Equal(cli.Header("x-amz-target"), waops.Header("x-amz-target"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cli.BodyText), JsonNode.Parse(waops.BodyText)), $"AWS CLI: {cli.BodyText}\nWAOps:   {waops.BodyText}");
    }

    [Fact]
    public async Task GetRestApi()
    {
        using var endpoint = new CapturingEndpoint(contentType: "application/json", body: "{\"id\":\"a1b2c3\",\"name\":\"shop-api\"}");
        var api = await new ApiGatewayClient(TestSessions.For(endpoint.Endpoint)).GetRestApiAsync(new GetRestApiRequest { RestApiId = "a1b2c3" });
        Assert.Equal("shop-api", api.Name);
        var waops = Waops(endpoint);
        var cli = Cli(endpoint, "apigateway", "get-rest-api", "--rest-api-id", "a1b2c3");
        Assert.Equal((cli.Method, cli.PathAndQuery), (waops.Method, waops.PathAndQuery));
        Assert.Contains("/us-east-1/apigateway/aws4_request", waops.Header("authorization"));
        Assert.Empty(waops.Body);
    }
}
