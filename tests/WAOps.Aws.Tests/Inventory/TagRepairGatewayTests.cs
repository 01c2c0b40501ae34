using System.Text.Json;
using WAOps.Aws.Protocol;
using WAOps.Aws.Tagging;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Tags;
using Xunit;

namespace WAOps.Aws.Tests.Inventory;

/// <summary>Tag repair through the Tagging API against moto, read back with the AWS CLI.</summary>
public sealed class TagRepairGatewayTests : IClassFixture<TaggedResourceScannerTests.SeededMoto>
{
    private readonly TaggedResourceScannerTests.SeededMoto _fixture;

    public TagRepairGatewayTests(TaggedResourceScannerTests.SeededMoto fixture)
    {
        fixture.LogName = nameof(TagRepairGatewayTests);
        _fixture = fixture;
        _ = fixture.Arns;
    }

    private string ArnOf(string name) => _fixture.Arns.GetProperty(name).GetString()!;

    private Dictionary<string, string> RdsTags(string arn) =>
        ExternalTools.AwsCli(_fixture.Server.Endpoint, "eu-west-1", "rds", "list-tags-for-resource", "--resource-name", arn)!.Value
            .GetProperty("TagList").EnumerateArray().ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString()!);

    [Fact]
    public async Task RenamesTagsInPlaceAndReportsPerArnFailuresWithoutRetryingThem()
    {
        var counter = new AwsCallCounter();
        var session = TestSessions.For(_fixture.Server, "eu-west-1", TestSessions.QuickRetries(4, counter));
        var rds = ArnOf("miscased-eu-west-1");
        var sqs = ArnOf("badvalue-eu-west-1");
        var current = await TagRepairGateway.ReadTagsAsync(session, new[] { rds, sqs }, CancellationToken.None);
        Assert.Equal("dev", current[rds]["environment"]);

        var request = new TagRepairRequest { Tags = new Dictionary<string, string> { ["CostCenter"] = "CC-9", ["Owner"] = "ops" }, FixKeyCase = true };
        var plans = new[] { rds, sqs }.Select(arn => TagRepairPlanner.Plan(arn, "eu-west-1", current[arn], request)).ToList();
        var outcomes = (await TagRepairGateway.ApplyAsync(session, plans, CancellationToken.None)).ToDictionary(o => o.ResourceArn);

        Assert.True(outcomes[rds].Succeeded);
        var tags = RdsTags(rds);
        Assert.Equal("dev", tags["Environment"]);
        Assert.Equal("CC-9", tags["CostCenter"]);
        Assert.Equal("ops", tags["Owner"]);
        Assert.DoesNotContain("environment", tags.Keys);

        // moto 5.2.1 tags SQS queues only through SQS itself: TagResources answers HTTP 200 with this ARN in
        // FailedResourcesMap (404 "Service not yet supported"). A 404 is not retried: one call per distinct tag set.
        Assert.False(outcomes[sqs].Succeeded);
        Assert.Equal("InternalServiceException", outcomes[sqs].ErrorCode);
        Assert.Equal(2, counter.Count("Resource Groups Tagging API", "TagResources"));
        Assert.Equal(1, counter.Count("Resource Groups Tagging API", "UntagResources"));
    }

    [Fact]
    public async Task ThrottledArnsAreRetriedAndOthersAreNot()
    {
        // The first TagResources answer is a whole-call throttling error (retried by the transport).
        using var proxy = new FaultInjectingProxy(_fixture.Server.Endpoint,
            (n, request) => n == 1 && request.Header("x-amz-target")?.EndsWith(".TagResources", StringComparison.Ordinal) == true ? InjectedFault.Throttle : InjectedFault.None);
        var counter = new AwsCallCounter();
        var session = TestSessions.For(proxy.Endpoint, "us-east-1", TestSessions.QuickRetries(4, counter));
        var table = ArnOf("missing-us-east-1");
        var plan = TagRepairPlanner.Plan(table, "us-east-1", TagSet.Empty, new TagRepairRequest { Tags = new Dictionary<string, string> { ["Team"] = "data" } });

        var outcome = Assert.Single(await TagRepairGateway.ApplyAsync(session, new[] { plan }, CancellationToken.None));

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, counter.Count("Resource Groups Tagging API", "TagResources"));
        var tags = ExternalTools.AwsCli(_fixture.Server.Endpoint, "us-east-1", "dynamodb", "list-tags-of-resource", "--resource-arn", table)!.Value;
        Assert.Contains(tags.GetProperty("Tags").EnumerateArray(), t => t.GetProperty("Key").GetString() == "Team" && t.GetProperty("Value").GetString() == "data");
    }
}
