using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;

namespace WAOps.Aws.Collection;

/// <summary>
/// Runs a collection's listings (regions x kinds, global kinds once) in parallel under one bound: each listing that
/// fails is reported once as a <see cref="CollectionFailure"/> and the others go on; progress is reported after each
/// listing as a <see cref="CollectionProgress"/>; cancellation stops everything. Every WAOps capability that lists
/// AWS resources runs its listings here.
/// </summary>
public sealed class CollectionRunner
{
    private readonly int _maxConcurrency;
    private readonly string? _accountId;
    private int _resources;

    public CollectionRunner(int maxConcurrency, string? accountId = null)
    {
        _maxConcurrency = Math.Max(1, maxConcurrency);
        _accountId = accountId;
    }

    /// <summary>Told of each listing that failed.</summary>
    public Action<CollectionFailure>? OnFailure { get; init; }

    /// <summary>Told after each listing, and whenever <see cref="AddResources"/> counts more.</summary>
    public Action<CollectionProgress>? OnProgress { get; init; }

    private int _done;
    private int _total;

    /// <summary>Counts resources found so far, for progress (listings that stream call it per page).</summary>
    public void AddResources(int count, string listing)
    {
        Interlocked.Add(ref _resources, count);
        Report(listing);
    }

    public async Task RunAsync(IReadOnlyCollection<CollectionWork> work, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _total, work.Count);
        using var bound = new SemaphoreSlim(_maxConcurrency);
        await Task.WhenAll(work.Select(async item =>
        {
            await bound.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await item.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (WAOpsException ex) when (!cancellationToken.IsCancellationRequested)
            {
                item.OnFailed?.Invoke(ex);
                OnFailure?.Invoke(CollectionFailure.From(_accountId, item.Region, item.Listing, ex));
            }
            finally
            {
                bound.Release();
                Interlocked.Increment(ref _done);
                Report($"{item.Listing} {item.Region}");
            }
        })).ConfigureAwait(false);
    }

    private void Report(string listing) =>
        OnProgress?.Invoke(new CollectionProgress(_accountId, Volatile.Read(ref _resources), Volatile.Read(ref _done), Volatile.Read(ref _total), listing));
}
