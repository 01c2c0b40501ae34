using System.Text.Json.Nodes;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Services.CloudWatch.Model;
using WAOps.Aws.Services.ElasticLoadBalancingV2;
using WAOps.Aws.Services.Rds;
using WAOps.Aws.Tests.Support;
using Xunit;
using Elb = WAOps.Aws.Services.ElasticLoadBalancingV2.Model;
using Rds = WAOps.Aws.Services.Rds.Model;

namespace WAOps.Aws.Tests.Cleanup;

/// <summary>
/// The requests idle cleanup adds to the protocol clients equal the AWS CLI's for the same operation and inputs,
/// member for member (moto accepts both, so the round trips elsewhere would not notice a misnamed optional member).
/// </summary>
public sealed class IdleWireFormTests
{
    private const string EmptyQueryAnswer = "<Response><Result/></Response>";

    private static CapturedRequest Cli(CapturingEndpoint endpoint, params string[] arguments)
    {
        try
        {
            ExternalTools.AwsCli(endpoint.Endpoint, "us-east-1", arguments);
        }
        catch (InvalidOperationException)
        {
            // The canned answer is not this operation's output; only the request matters.
        }

        Assert.True(endpoint.Requests.TryDequeue(out var request));
        return request!;
    }

    private static CapturedRequest Take(CapturingEndpoint endpoint)
    {
        Assert.True(endpoint.Requests.TryDequeue(out var request));
        return request!;
    }

    private static SortedDictionary<string, string> Form(string body) => new(
        body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : string.Empty)),
        StringComparer.Ordinal);

    [Fact]
    public async Task GetMetricDataMatchesTheAwsCli()
    {
        using var endpoint = new CapturingEndpoint(contentType: "application/x-amz-json-1.0", body: "{\"MetricDataResults\":[]}");
        await new CloudWatchClient(TestSessions.For(endpoint.Endpoint)).GetMetricDataAsync(new GetMetricDataRequest
        {
            StartTime = new DateTime(2026, 11, 11, 0, 0, 0, DateTimeKind.Utc),
            EndTime = new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc),
            ScanBy = "TimestampAscending",
            MaxDatapoints = 100800,
            MetricDataQueries = new()
            {
                new MetricDataQuery
                {
                    Id = "m0",
                    ReturnData = true,
                    MetricStat = new MetricStat
                    {
                        Metric = new Metric { Namespace = "AWS/EC2", MetricName = "CPUUtilization", Dimensions = new() { new Dimension { Name = "InstanceId", Value = "i-0abc" } } },
                        Period = 86400,
                        Stat = "Average",
                    },
                },
            },
        });
        var waops = Take(endpoint);

        var cli = Cli(endpoint, "cloudwatch", "get-metric-data", "--start-time", "2026-11-11T00:00:00Z", "--end-time", "2026-11-25T00:00:00Z", "--scan-by", "TimestampAscending",
            "--max-datapoints", "100800", "--no-paginate", "--metric-data-queries",
            "[{\"Id\":\"m0\",\"ReturnData\":true,\"MetricStat\":{\"Metric\":{\"Namespace\":\"AWS/EC2\",\"MetricName\":\"CPUUtilization\",\"Dimensions\":[{\"Name\":\"InstanceId\",\"Value\":\"i-0abc\"}]},\"Period\":86400,\"Stat\":\"Average\"}}]");

        Assert.Equal(cli.Header("x-amz-target"), waops.Header("x-amz-target"));
        Assert.Equal("GraniteServiceVersion20100801.GetMetricData", waops.Header("x-amz-target"));
        Assert.Equal(cli.Header("content-type"), waops.Header("content-type"));
        var expected = JsonNode.Parse(cli.BodyText)!;
        var actual = JsonNode.Parse(waops.BodyText)!;
        // Timestamps are epoch seconds on both sides (compared as numbers).
        Assert.Equal(expected["StartTime"]!.GetValue<double>(), actual["StartTime"]!.GetValue<double>());
        Assert.Equal(expected["EndTime"]!.GetValue<double>(), actual["EndTime"]!.GetValue<double>());
        expected.AsObject().Remove("StartTime");
        expected.AsObject().Remove("EndTime");
        actual.AsObject().Remove("StartTime");
        actual.AsObject().Remove("EndTime");
        Assert.True(JsonNode.DeepEquals(expected, actual), $"AWS CLI: {expected.ToJsonString()}\nWAOps:   {actual.ToJsonString()}");
    }

    [Fact]
    public async Task RdsSnapshotStopDeleteAndTagRequestsMatchTheAwsCli()
    {
        using var endpoint = new CapturingEndpoint(contentType: "text/xml", body: EmptyQueryAnswer);
        var rds = new RdsClient(TestSessions.For(endpoint.Endpoint));

        await rds.CreateDBSnapshotAsync(new Rds.CreateDBSnapshotRequest
        {
            DBInstanceIdentifier = "orders-dev",
            DBSnapshotIdentifier = "waops-orders-dev-1",
            Tags = new() { new Rds.Tag { Key = "waops:backup-of", Value = "orders-dev" }, new Rds.Tag { Key = "Environment", Value = "dev" } },
        });
        Assert.Equal(Form(Cli(endpoint, "rds", "create-db-snapshot", "--db-instance-identifier", "orders-dev", "--db-snapshot-identifier", "waops-orders-dev-1",
            "--tags", "Key=waops:backup-of,Value=orders-dev", "Key=Environment,Value=dev").BodyText), Form(Take(endpoint).BodyText));

        await rds.DeleteDBInstanceAsync(new Rds.DeleteDBInstanceRequest { DBInstanceIdentifier = "orders-dev", SkipFinalSnapshot = true, DeleteAutomatedBackups = false });
        Assert.Equal(Form(Cli(endpoint, "rds", "delete-db-instance", "--db-instance-identifier", "orders-dev", "--skip-final-snapshot", "--no-delete-automated-backups").BodyText),
            Form(Take(endpoint).BodyText));

        await rds.StopDBInstanceAsync(new Rds.StopDBInstanceRequest { DBInstanceIdentifier = "orders-dev" });
        Assert.Equal(Form(Cli(endpoint, "rds", "stop-db-instance", "--db-instance-identifier", "orders-dev").BodyText), Form(Take(endpoint).BodyText));

        await rds.DescribeDBSnapshotsAsync(new Rds.DescribeDBSnapshotsRequest { DBSnapshotIdentifier = "waops-orders-dev-1" });
        Assert.Equal(Form(Cli(endpoint, "rds", "describe-db-snapshots", "--db-snapshot-identifier", "waops-orders-dev-1", "--no-paginate").BodyText), Form(Take(endpoint).BodyText));

        const string Arn = "arn:aws:rds:us-east-1:123456789012:db:orders-dev";
        await rds.AddTagsToResourceAsync(new Rds.AddTagsToResourceRequest { ResourceName = Arn, Tags = new() { new Rds.Tag { Key = "waops:cleanup-after", Value = "2026-12-02" } } });
        Assert.Equal(Form(Cli(endpoint, "rds", "add-tags-to-resource", "--resource-name", Arn, "--tags", "Key=waops:cleanup-after,Value=2026-12-02").BodyText), Form(Take(endpoint).BodyText));

        await rds.RemoveTagsFromResourceAsync(new Rds.RemoveTagsFromResourceRequest { ResourceName = Arn, TagKeys = new() { "waops:cleanup-after" } });
        Assert.Equal(Form(Cli(endpoint, "rds", "remove-tags-from-resource", "--resource-name", Arn, "--tag-keys", "waops:cleanup-after").BodyText), Form(Take(endpoint).BodyText));
    }

    [Fact]
    public async Task LoadBalancerRequestsMatchTheAwsCli()
    {
        using var endpoint = new CapturingEndpoint(contentType: "text/xml", body: EmptyQueryAnswer);
        var elb = new ElasticLoadBalancingV2Client(TestSessions.For(endpoint.Endpoint));
        const string Arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188";

        await elb.DescribeTargetGroupsAsync(new Elb.DescribeTargetGroupsRequest { PageSize = 400 });
        Assert.Equal(Form(Cli(endpoint, "elbv2", "describe-target-groups", "--page-size", "400", "--no-paginate").BodyText), Form(Take(endpoint).BodyText));

        await elb.DescribeTargetHealthAsync(new Elb.DescribeTargetHealthRequest { TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg/1" });
        Assert.Equal(Form(Cli(endpoint, "elbv2", "describe-target-health", "--target-group-arn", "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg/1").BodyText),
            Form(Take(endpoint).BodyText));

        await elb.DescribeTagsAsync(new Elb.DescribeTagsRequest { ResourceArns = new() { Arn } });
        Assert.Equal(Form(Cli(endpoint, "elbv2", "describe-tags", "--resource-arns", Arn).BodyText), Form(Take(endpoint).BodyText));

        await elb.AddTagsAsync(new Elb.AddTagsRequest { ResourceArns = new() { Arn }, Tags = new() { new Elb.Tag { Key = "waops:cleanup-after", Value = "2026-12-02" } } });
        Assert.Equal(Form(Cli(endpoint, "elbv2", "add-tags", "--resource-arns", Arn, "--tags", "Key=waops:cleanup-after,Value=2026-12-02").BodyText), Form(Take(endpoint).BodyText));

        await elb.RemoveTagsAsync(new Elb.RemoveTagsRequest { ResourceArns = new() { Arn }, TagKeys = new() { "waops:cleanup-after" } });
        Assert.Equal(Form(Cli(endpoint, "elbv2", "remove-tags", "--resource-arns", Arn, "--tag-keys", "waops:cleanup-after").BodyText), Form(Take(endpoint).BodyText));

        await elb.DeleteLoadBalancerAsync(new Elb.DeleteLoadBalancerRequest { LoadBalancerArn = Arn });
        Assert.Equal(Form(Cli(endpoint, "elbv2", "delete-load-balancer", "--load-balancer-arn", Arn).BodyText), Form(Take(endpoint).BodyText));
    }
}
