using WAOps.Aws.Protocol;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

public sealed class AwsPaginatorTests
{
    [Fact]
    public async Task FollowsTokensAndStreamsItemsInOrder()
    {
        var pages = new Dictionary<string, (int[] Items, string? Next)>
        {
            [""] = (new[] { 1, 2 }, "t1"),
            ["t1"] = (new[] { 3 }, "t2"),
            ["t2"] = (new[] { 4, 5 }, null),
        };
        var requested = new List<string?>();
        var items = new List<int>();
        await foreach (var item in AwsPaginator.Items<(int[] Items, string? Next), int>(
            (token, _) => { requested.Add(token); return Task.FromResult(pages[token ?? string.Empty]); },
            page => page.Next,
            page => page.Items))
        {
            items.Add(item);
        }

        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, items);
        Assert.Equal(new string?[] { null, "t1", "t2" }, requested);
    }

    [Fact]
    public async Task FetchesTheNextPageOnlyWhenTheConsumerAsksForIt()
    {
        var fetched = 0;
        await foreach (var page in AwsPaginator.Pages((_, _) => { fetched++; return Task.FromResult("page"); }, _ => "same-token-forever"))
        {
            Assert.Equal(1, fetched);
            break;
        }

        Assert.Equal(1, fetched);
    }

    [Fact]
    public async Task StopsWhenAServiceRepeatsAToken()
    {
        var fetched = 0;
        var count = 0;
        await foreach (var _ in AwsPaginator.Pages((_, _) => { fetched++; return Task.FromResult(fetched); }, _ => "loop"))
        {
            count++;
        }

        Assert.Equal(2, count);
    }

    [Fact]
    public async Task HonoursCancellationBetweenPages()
    {
        using var cancellation = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            var i = 0;
            await foreach (var _ in AwsPaginator.Pages((_, _) => Task.FromResult(++i), n => $"t{n}", cancellation.Token))
            {
                cancellation.Cancel();
            }
        });
    }
}
