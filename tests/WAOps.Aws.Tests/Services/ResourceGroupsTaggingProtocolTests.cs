using WAOps.Aws.Protocol;
using WAOps.Aws.Services.ResourceGroupsTagging;
using WAOps.Aws.Services.ResourceGroupsTagging.Model;
using WAOps.Aws.Tests.Support;
using Xunit;

namespace WAOps.Aws.Tests.Services;

/// <summary>awsJson1_1 paging proven against moto with GetResources over 230 tagged queues.</summary>
public sealed class ResourceGroupsTaggingProtocolTests : IClassFixture<ResourceGroupsTaggingProtocolTests.SeededMoto>
{
    public const int QueueCount = 230;

    public sealed class SeededMoto : MotoFixtureBase
    {
        private readonly Lazy<bool> _seeded;

        public SeededMoto() => _seeded = new Lazy<bool>(() =>
        {
            ExternalTools.Seed(Server.Endpoint, "foundation.py", "sqs-tagged", QueueCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return true;
        });

        public MotoServer Seeded => _seeded.Value ? Server : throw new InvalidOperationException();
    }

    private readonly ResourceGroupsTaggingClient _client;

    public ResourceGroupsTaggingProtocolTests(SeededMoto fixture)
    {
        fixture.LogName = nameof(ResourceGroupsTaggingProtocolTests);
        _client = new ResourceGroupsTaggingClient(TestSessions.For(fixture.Seeded));
    }

    [Fact]
    public async Task GetResourcesPagesThroughEveryResource()
    {
        var pages = new List<GetResourcesResponse>();
        await foreach (var page in _client.GetResourcesPagesAsync(new GetResourcesRequest { ResourcesPerPage = ResourceGroupsTaggingClient.MaxResourcesPerPage }))
        {
            pages.Add(page);
        }

        var arns = pages.SelectMany(p => p.ResourceTagMappingList).Select(m => m.ResourceARN!).ToList();
        Assert.Equal(QueueCount, arns.Count);
        Assert.Equal(QueueCount, arns.Distinct().Count());
        Assert.All(pages, p => Assert.True(p.ResourceTagMappingList.Count <= 100));
        // moto 5.2.1 fills a page of ResourcesPerPage=100 with 99 resources (AWS fills 100): 230 arrive in three pages either way.
        Assert.Equal(3, pages.Count);
        Assert.All(pages.SkipLast(1), p => Assert.False(string.IsNullOrEmpty(p.PaginationToken)));
        Assert.All(pages.SelectMany(p => p.ResourceTagMappingList), m => Assert.Contains(m.Tags, t => t.Key == "Project" && t.Value == "waops"));
    }

    [Fact]
    public async Task TagFiltersAndTypeFiltersAreSent()
    {
        var matching = new List<ResourceTagMapping>();
        await foreach (var page in _client.GetResourcesPagesAsync(new GetResourcesRequest
        {
            ResourcesPerPage = 100,
            ResourceTypeFilters = new() { "sqs" },
            TagFilters = new() { new TagFilter { Key = "Project", Values = new() { "waops" } } },
        }))
        {
            matching.AddRange(page.ResourceTagMappingList);
        }

        Assert.Equal(QueueCount, matching.Count);

        var none = new List<ResourceTagMapping>();
        await foreach (var page in _client.GetResourcesPagesAsync(new GetResourcesRequest { TagFilters = new() { new TagFilter { Key = "Project", Values = new() { "nobody" } } } }))
        {
            none.AddRange(page.ResourceTagMappingList);
        }

        Assert.Empty(none);
    }
}
