using System.Text.Json;
using WAOps.Engine.Tags;
using WAOps.Aws.Inventory;
using WAOps.Aws.Protocol;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Inventory;
using Xunit;

namespace WAOps.Aws.Tests.Inventory;

/// <summary>The tag scan against moto seeded with a mix of tagged and never-tagged resources in two regions.</summary>
public sealed class TaggedResourceScannerTests : IClassFixture<TaggedResourceScannerTests.SeededMoto>
{
    public sealed class SeededMoto : MotoFixtureBase
    {
        private readonly Lazy<JsonElement> _arns;

        public SeededMoto() => _arns = new Lazy<JsonElement>(() => ExternalTools.Seed(Server.Endpoint, "tags.py", "mix")!.Value);

        public JsonElement Arns => _arns.Value;
    }

    private readonly SeededMoto _fixture;

    public TaggedResourceScannerTests(SeededMoto fixture)
    {
        fixture.LogName = nameof(TaggedResourceScannerTests);
        _fixture = fixture;
        _ = fixture.Arns;
    }

    private string ArnOf(string name) => _fixture.Arns.GetProperty(name).GetString()!;

    private async Task<List<InventoryResource>> ScanAsync(TagScanRequest request, AwsCallCounter? counter = null, List<CollectionFailure>? failures = null, Uri? endpoint = null, int maxAttempts = 3)
    {
        var session = TestSessions.For(endpoint ?? _fixture.Server.Endpoint, options: TestSessions.QuickRetries(maxAttempts, counter));
        var found = new List<InventoryResource>();
        await foreach (var resource in TaggedResourceScanner.ScanAsync(session, request, null, f => failures?.Add(f), CancellationToken.None))
        {
            found.Add(resource);
        }

        return found;
    }

    [Fact]
    public async Task ReportsTaggedAndNeverTaggedResourcesOnceEachWithHowTheyWereFound()
    {
        var found = await ScanAsync(new TagScanRequest { Regions = new[] { "us-east-1", "eu-west-1" } });

        Assert.Equal(found.Count, found.Select(r => r.Arn).Distinct().Count());
        var byArn = found.ToDictionary(r => r.Arn);
        foreach (var region in new[] { "us-east-1", "eu-west-1" })
        {
            Assert.Equal(DiscoverySource.TaggingApi, byArn[ArnOf($"compliant-{region}")].DiscoveredBy);
            Assert.Equal("environment", Assert.Single(byArn[ArnOf($"miscased-{region}")].Tags.Keys, k => k.StartsWith("env", StringComparison.OrdinalIgnoreCase)));
            Assert.Equal(DiscoverySource.ServiceApi, byArn[ArnOf($"untagged-volume-{region}")].DiscoveredBy);
            Assert.Empty(byArn[ArnOf($"untagged-volume-{region}")].Tags);
            Assert.Equal(DiscoverySource.ServiceApi, byArn[ArnOf($"untagged-topic-{region}")].DiscoveredBy);
            Assert.Equal(region, byArn[ArnOf($"untagged-topic-{region}")].Region);
        }

        // Never-tagged buckets are placed in their own region through GetBucketLocation.
        Assert.Equal("us-east-1", byArn[ArnOf("untagged-bucket")].Region);
        Assert.Equal("eu-west-1", byArn[ArnOf("untagged-eu-bucket")].Region);
        Assert.Equal(DiscoverySource.ServiceApi, byArn[ArnOf("untagged-eu-bucket")].DiscoveredBy);
    }

    [Fact]
    public async Task AScanOfOneRegionKeepsToThatRegion()
    {
        var found = await ScanAsync(new TagScanRequest { Regions = new[] { "eu-west-1" } });
        // moto 5.2.1 lists every S3 bucket in GetResources of every region (AWS lists a bucket in its own region only).
        Assert.All(found.Where(r => r.ResourceType != "s3:bucket"), r => Assert.Equal("eu-west-1", r.Region));
        Assert.DoesNotContain(found, r => r.Arn == ArnOf("untagged-volume-us-east-1"));
        Assert.DoesNotContain(found, r => r.Arn == ArnOf("untagged-bucket"));
    }

    [Fact]
    public async Task TagFiltersUseTheTaggingApiOnly()
    {
        var counter = new AwsCallCounter();
        var found = await ScanAsync(new TagScanRequest
        {
            Regions = new[] { "us-east-1" },
            TagFilters = new[] { new TagFilterSpec("Project", new[] { "shop" }) },
        }, counter);

        Assert.NotEmpty(found);
        Assert.All(found, r => Assert.Equal("shop", r.Tags["Project"]));
        Assert.All(found, r => Assert.Equal(DiscoverySource.TaggingApi, r.DiscoveredBy));
        Assert.Equal(new[] { "Resource Groups Tagging API:GetResources" }, counter.Snapshot().Keys);
    }

    [Fact]
    public async Task ResourceTypesSelectTheListingsToo()
    {
        var counter = new AwsCallCounter();
        var found = await ScanAsync(new TagScanRequest { Regions = new[] { "us-east-1" }, ResourceTypes = new[] { "sns", "dynamodb:table" } }, counter);

        Assert.Equal(new[] { "dynamodb:table", "sns:topic" }, found.Select(r => r.ResourceType).Distinct().OrderBy(t => t));
        Assert.Contains(found, r => r.Arn == ArnOf("untagged-topic-us-east-1"));
        Assert.Equal(0, counter.Count("EC2", "DescribeVolumes"));
        Assert.True(counter.Count("SNS", "ListTopics") >= 1);
    }

    [Fact]
    public async Task AFailedListingIsReportedAndTheScanGoesOn()
    {
        // Every DynamoDB call fails; the rest of the scan must still report everything else.
        using var proxy = new FaultInjectingProxy(_fixture.Server.Endpoint,
            (_, request) => request.Header("x-amz-target")?.StartsWith("DynamoDB_", StringComparison.Ordinal) == true ? InjectedFault.Http500 : InjectedFault.None);
        var failures = new List<CollectionFailure>();
        var found = await ScanAsync(new TagScanRequest { Regions = new[] { "us-east-1" } }, failures: failures, endpoint: proxy.Endpoint, maxAttempts: 1);

        var failure = Assert.Single(failures);
        Assert.Equal("dynamodb:table", failure.Listing);
        Assert.Equal("us-east-1", failure.Region);
        Assert.Contains(found, r => r.Arn == ArnOf("untagged-topic-us-east-1"));
        Assert.Contains(found, r => r.Arn == ArnOf("missing-us-east-1"));
    }

    [Fact]
    public async Task AConsumerThatStopsEarlyStopsTheScan()
    {
        var session = TestSessions.For(_fixture.Server);
        var count = 0;
        await foreach (var _ in TaggedResourceScanner.ScanAsync(session, new TagScanRequest { Regions = new[] { "us-east-1", "eu-west-1" } }, null, null, CancellationToken.None))
        {
            if (++count == 2)
            {
                break;
            }
        }

        Assert.Equal(2, count);
    }
}
