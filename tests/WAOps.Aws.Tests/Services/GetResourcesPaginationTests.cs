using WAOps.Aws.Services.ResourceGroupsTagging;
using WAOps.Aws.Services.ResourceGroupsTagging.Model;
using WAOps.Aws.Tests.Support;
using Xunit;

namespace WAOps.Aws.Tests.Services;

/// <summary>
/// GetResources paging when a page's answer is lost after moto served it. moto deviation: moto spends a pagination
/// token on use, so the retried page finds its token gone (PaginationTokenExpiredException) where AWS keeps a token
/// valid for 15 minutes; the listing must start over and give every resource exactly once.
/// </summary>
public sealed class GetResourcesPaginationTests : IClassFixture<GetResourcesPaginationTests.SeededMoto>
{
    public sealed class SeededMoto : MotoFixtureBase
    {
        private readonly Lazy<bool> _seeded;

        public SeededMoto() => _seeded = new Lazy<bool>(() => ExternalTools.Seed(Server.Endpoint, "tags.py", "bulk", "300") is not null);

        public bool Seeded => _seeded.Value;
    }

    private readonly SeededMoto _fixture;

    public GetResourcesPaginationTests(SeededMoto fixture)
    {
        fixture.LogName = nameof(GetResourcesPaginationTests);
        _fixture = fixture;
        Assert.True(fixture.Seeded);
    }

    private static async Task<List<string>> ListAsync(Uri endpoint)
    {
        var client = new ResourceGroupsTaggingClient(TestSessions.For(endpoint, options: TestSessions.QuickRetries(4)));
        var arns = new List<string>();
        await foreach (var page in client.GetResourcesPagesAsync(new GetResourcesRequest { ResourcesPerPage = ResourceGroupsTaggingClient.MaxResourcesPerPage }))
        {
            arns.AddRange(page.ResourceTagMappingList.Select(m => m.ResourceARN!));
        }

        return arns;
    }

    [Fact]
    public async Task A_page_answer_lost_after_moto_spent_its_token_starts_the_listing_over_without_duplicates()
    {
        var direct = await ListAsync(_fixture.Server.Endpoint);
        Assert.True(direct.Count > 200, $"the seed should need several pages, listed {direct.Count}");

        // The first request that carries a token is served by moto, then its answer is dropped.
        var dropped = 0;
        using var proxy = new FaultInjectingProxy(_fixture.Server.Endpoint, (_, request) =>
            request.BodyText.Contains("\"PaginationToken\":\"", StringComparison.Ordinal) && Interlocked.Exchange(ref dropped, 1) == 0
                ? InjectedFault.ResetAfterForward
                : InjectedFault.None);

        var throughFaults = await ListAsync(proxy.Endpoint);

        Assert.Equal(1, proxy.FaultCount);
        Assert.Equal(direct.Count, throughFaults.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(direct.OrderBy(a => a, StringComparer.Ordinal), throughFaults.OrderBy(a => a, StringComparer.Ordinal));
    }

    /// <summary>
    /// moto deviation, pinned so the fault proxy's default (Start-FaultProxy -KeepAnswers) can go when moto mends it:
    /// moto keeps the token of the last page, with its generator used up, so asking that page again gives only its first
    /// resource and no error. A lost answer to the last page would therefore lose resources silently against moto; AWS
    /// serves the same page again.
    /// </summary>
    [Fact]
    public async Task Moto_deviation_the_last_page_asked_again_gives_only_its_first_resource()
    {
        var client = new ResourceGroupsTaggingClient(TestSessions.For(_fixture.Server.Endpoint));
        var request = new GetResourcesRequest { ResourcesPerPage = ResourceGroupsTaggingClient.MaxResourcesPerPage };
        string? lastToken = null;
        GetResourcesResponse page = await client.GetResourcesAsync(request);
        while (!string.IsNullOrEmpty(page.PaginationToken))
        {
            lastToken = page.PaginationToken;
            page = await client.GetResourcesAsync(request.WithPaginationToken(lastToken));
        }

        Assert.NotNull(lastToken);
        Assert.True(page.ResourceTagMappingList.Count > 1, $"the last page should hold several resources, held {page.ResourceTagMappingList.Count}");

        var again = await client.GetResourcesAsync(request.WithPaginationToken(lastToken));

        Assert.True(string.IsNullOrEmpty(again.PaginationToken));
        Assert.Equal(new[] { page.ResourceTagMappingList[0].ResourceARN }, again.ResourceTagMappingList.Select(m => m.ResourceARN));
    }

    [Fact]
    public async Task The_next_page_is_asked_while_the_caller_works_and_called_off_when_the_caller_stops()
    {
        using var proxy = new FaultInjectingProxy(_fixture.Server.Endpoint, (_, _) => InjectedFault.None);
        var client = new ResourceGroupsTaggingClient(TestSessions.For(proxy.Endpoint, options: TestSessions.QuickRetries(2)));
        await foreach (var page in client.GetResourcesPagesAsync(new GetResourcesRequest { ResourcesPerPage = ResourceGroupsTaggingClient.MaxResourcesPerPage }))
        {
            Assert.NotEmpty(page.ResourceTagMappingList);

            // While the caller holds the first page, the second is already on its way.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (proxy.RequestCount < 2 && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20);
            }

            Assert.Equal(2, proxy.RequestCount);
            break;
        }

        // Nothing is asked after the caller stopped.
        await Task.Delay(200);
        Assert.Equal(2, proxy.RequestCount);
    }
}
