using WAOps.Engine.Tags;
using WAOps.Engine.Inventory;
using WAOps.Aws.Inventory;
using WAOps.Aws.Monitoring;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Dashboards;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Aws.Tests.Monitoring;

/// <summary>
/// Discovery against moto seeded with boto3. moto 5.2.1 deviations met here: its Tagging API names ElastiCache types
/// elasticache:cache_clusters and elasticache:replication-group (AWS: elasticache:cluster, elasticache:replicationgroup),
/// so WAOps filters by the service; and it does not list EventBridge rules, API Gateway or EKS by tags at all (those
/// are proven through ARNs in MonitoredResourceResolverTests).
/// </summary>
public sealed class WorkloadDiscoveryTests : IClassFixture<SeededWorkloadFixture>
{
    private readonly SeededWorkloadFixture _fixture;

    public WorkloadDiscoveryTests(SeededWorkloadFixture fixture)
    {
        fixture.LogName = nameof(WorkloadDiscoveryTests);
        _fixture = fixture;
        fixture.EnsureSeeded();
    }

    private static TagFilterSpec Tag(string key, params string[] values) => new(key, values);

    [Fact]
    public async Task TagsFindEveryMonitoredKindIncludingAutoScalingGroupsAndNothingElse()
    {
        var session = TestSessions.For(_fixture.Server);
        var failures = new List<CollectionFailure>();
        var found = await WorkloadDiscovery.FindByTagsAsync(session, new[] { Tag("Project", "shop"), Tag("Environment", "prod") }, failures.Add, CancellationToken.None);

        Assert.Empty(failures);
        var arns = found.Resources.Select(r => r.Arn).ToHashSet();
        foreach (var kind in new[] { "queue", "topic", "table", "function", "loadbalancer", "ecs", "cache", "db", "aurora", "bucket", "bus", "asg" })
        {
            Assert.All(_fixture.Arns(kind), arn => Assert.Contains(arn, arns));
        }

        // The tagged target group (on a load balancer outside the workload) comes too; the untagged ones do not.
        Assert.Contains(_fixture.Arns("targetgroup")[2], arns);
        Assert.DoesNotContain(_fixture.Arns("targetgroup")[0], arns);
        Assert.Contains(arns, a => a.Contains($":natgateway/{_fixture.Arns("nat")[0]}", StringComparison.Ordinal));
        // A KMS key carries the tags but is not a kind New-WADashboard monitors; it is filtered out by type.
        Assert.DoesNotContain(_fixture.Arns("ignored")[0], arns);
        Assert.All(found.Resources, r => Assert.Equal("us-east-1", r.Region));
    }

    [Fact]
    public async Task EveryFilterMustMatch()
    {
        var session = TestSessions.For(_fixture.Server);
        var none = await WorkloadDiscovery.FindByTagsAsync(session, new[] { Tag("Project", "shop"), Tag("Environment", "dev") }, null, CancellationToken.None);
        Assert.Empty(none.Resources);
        var keyOnly = await WorkloadDiscovery.FindByTagsAsync(session, new[] { Tag("Environment") }, null, CancellationToken.None);
        Assert.Contains(_fixture.Arns("asg")[0], keyOnly.Resources.Select(r => r.Arn));
        Assert.Contains(_fixture.Arns("queue")[0], keyOnly.Resources.Select(r => r.Arn));
    }

    [Fact]
    public async Task AStackGivesTheArnsOfItsResources()
    {
        var found = await WorkloadDiscovery.FindByStackAsync(TestSessions.For(_fixture.Server), "billing", CancellationToken.None);
        Assert.Equal(new[]
        {
            "arn:aws:dynamodb:us-east-1:123456789012:table/billing-state",
            "arn:aws:sns:us-east-1:123456789012:billing-news",
            "arn:aws:sqs:us-east-1:123456789012:billing-jobs",
        }, found.Resources.Select(r => r.Arn));
    }

    [Fact]
    public async Task AnUnknownStackIsStackNotFound()
    {
        var error = await Assert.ThrowsAsync<WAOpsException>(() => WorkloadDiscovery.FindByStackAsync(TestSessions.For(_fixture.Server), "no-such-stack", CancellationToken.None));
        Assert.Equal(DashboardErrorIds.StackNotFound, error.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        Assert.Contains("no-such-stack", error.Message);
    }
}
