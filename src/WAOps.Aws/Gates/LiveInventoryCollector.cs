using WAOps.Aws.Collection;
using WAOps.Aws.Gates.Listings;
using WAOps.Aws.Session;
using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;

namespace WAOps.Aws.Gates;

/// <summary>
/// Fills the inventory of one account from AWS for the kinds the selected rules need. Every listing of every region
/// runs in parallel under one bound (one paginated call per listing at the largest page size; global listings once);
/// per-resource calls (bucket settings, queue and topic attributes, table descriptions, listeners, mount targets,
/// trail status) run in parallel under a second bound. A listing that fails is recorded in the inventory (rules then
/// report errors for its kinds) and reported to <c>onFailure</c>; the collection goes on. Rules never call AWS: this is
/// the only place the quality gates read an account.
/// </summary>
public static class LiveInventoryCollector
{
    public static async Task<ResourceInventory> CollectAsync(
        AwsSession session,
        string accountId,
        LiveCollectionRequest request,
        Action<CollectionProgress>? onProgress,
        Action<CollectionFailure>? onFailure,
        CancellationToken cancellationToken)
    {
        if (request.Regions.Count == 0)
        {
            throw new ArgumentException("At least one region is needed.", nameof(request));
        }

        var partition = AwsRegionName.Partition(request.Regions[0]);
        var account = new AccountCollection(accountId, partition, request.Regions) { OnFailure = onFailure, ReadKeySettings = request.ResolveKeyOwnership };
        using var resourceBound = new SemaphoreSlim(Math.Max(1, request.MaxResourceConcurrency));
        var work = new List<CollectionWork>();
        foreach (var listing in ListingCatalog.For(request.Kinds))
        {
            foreach (var region in listing.IsGlobal ? new[] { PseudoResourceIds.GlobalRegion } : request.Regions)
            {
                var global = region == PseudoResourceIds.GlobalRegion;
                work.Add(new CollectionWork(region, listing.Name, ct => listing.RunAsync(new ListingContext(session.WithRegion(global ? request.Regions[0] : region), account,
                    global ? null : account.Regions[region], resourceBound, ct)))
                {
                    OnFailed = error => account.Record(region, listing.Name, error, listing.FailsKinds.ToArray()),
                });
            }
        }

        await new CollectionRunner(request.MaxConcurrency, accountId) { OnFailure = onFailure, OnProgress = onProgress }.RunAsync(work, cancellationToken).ConfigureAwait(false);

        if (request.ResolveKeyOwnership && request.Kinds.Contains(ResourceKinds.KmsKey))
        {
            await AccountListings.ResolveKeysAsync(session, account, async (keys, resolve) =>
                await Task.WhenAll(keys.Select(async key =>
                {
                    await resourceBound.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        await resolve(key, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        resourceBound.Release();
                    }
                })).ConfigureAwait(false)).ConfigureAwait(false);
        }

        return LiveInventoryAssembler.Assemble(account, request.Kinds);
    }
}
