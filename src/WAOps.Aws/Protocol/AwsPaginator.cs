using System.Runtime.CompilerServices;

namespace WAOps.Aws.Protocol;

/// <summary>
/// Streams the pages of a paginated operation as they arrive, so callers can act on the first page while
/// the next is fetched by nobody (no read-ahead: memory stays at one page). Stops on a missing or empty
/// token, and on a token that repeats (a service bug would otherwise loop forever).
/// </summary>
public static class AwsPaginator
{
    public static async IAsyncEnumerable<TPage> Pages<TPage>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, string?> nextToken,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetchPage(token, cancellationToken).ConfigureAwait(false);
            yield return page;
            token = nextToken(page);
            if (string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }
        }
    }

    /// <summary>The items of every page, in order, streamed.</summary>
    public static async IAsyncEnumerable<TItem> Items<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, string?> nextToken,
        Func<TPage, IEnumerable<TItem>?> items,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in Pages(fetchPage, nextToken, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in items(page) ?? Enumerable.Empty<TItem>())
            {
                yield return item;
            }
        }
    }
}
