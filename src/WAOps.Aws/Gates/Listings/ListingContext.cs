using WAOps.Aws.Session;
using WAOps.Engine.Errors;

namespace WAOps.Aws.Gates.Listings;

/// <summary>What a listing runs with: a session in its region, the account's collection, and the bound on per-resource calls.</summary>
internal sealed class ListingContext
{
    private readonly SemaphoreSlim _perResource;

    public ListingContext(AwsSession session, AccountCollection account, RegionCollection? region, SemaphoreSlim perResource, CancellationToken cancellationToken)
    {
        Session = session;
        Account = account;
        RegionCollection = region;
        _perResource = perResource;
        CancellationToken = cancellationToken;
    }

    public AwsSession Session { get; }

    public AccountCollection Account { get; }

    /// <summary>The region's collection; null for global listings.</summary>
    public RegionCollection? RegionCollection { get; }

    public RegionCollection Region => RegionCollection ?? throw new InvalidOperationException("A global listing has no region collection.");

    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Runs <paramref name="call"/> for every item, in parallel under the per-resource bound shared by every listing
    /// of the run, and returns the results in the items' order.
    /// </summary>
    public async Task<List<TResult>> ForEachAsync<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, CancellationToken, Task<TResult>> call)
    {
        var tasks = items.Select(async item =>
        {
            await _perResource.WaitAsync(CancellationToken).ConfigureAwait(false);
            try
            {
                return await call(item, CancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _perResource.Release();
            }
        }).ToList();
        return (await Task.WhenAll(tasks).ConfigureAwait(false)).ToList();
    }

    /// <summary>A per-resource read as a fact: its value, or an unreadable fact naming the call and the error.</summary>
    public static async Task<Engine.Inventory.Fact<T>> ReadAsync<T>(string call, Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (WAOpsException ex)
        {
            return Engine.Inventory.Fact<T>.ReadFailed($"{call}: {ex.Message}");
        }
    }
}
