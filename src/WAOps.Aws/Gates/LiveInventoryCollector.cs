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
        using var listingBound = new SemaphoreSlim(Math.Max(1, request.MaxConcurrency));
        using var resourceBound = new SemaphoreSlim(Math.Max(1, request.MaxResourceConcurrency));
        var listings = ListingCatalog.For(request.Kinds);

        var work = new List<(InventoryListing Listing, string Region)>();
        foreach (var listing in listings)
        {
            if (listing.IsGlobal)
            {
                work.Add((listing, PseudoResourceIds.GlobalRegion));
            }
            else
            {
                work.AddRange(request.Regions.Select(region => (listing, region)));
            }
        }

        var done = 0;
        await Task.WhenAll(work.Select(async item =>
        {
            await listingBound.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var global = item.Region == PseudoResourceIds.GlobalRegion;
                var context = new ListingContext(session.WithRegion(global ? request.Regions[0] : item.Region), account,
                    global ? null : account.Regions[item.Region], resourceBound, cancellationToken);
                await item.Listing.RunAsync(context).ConfigureAwait(false);
            }
            catch (WAOpsException ex) when (!cancellationToken.IsCancellationRequested)
            {
                account.Fail(item.Region, item.Listing.Name, ex, item.Listing.FailsKinds.ToArray());
            }
            finally
            {
                listingBound.Release();
                onProgress?.Invoke(new CollectionProgress(accountId, 0, Interlocked.Increment(ref done), work.Count, $"{item.Listing.Name} {item.Region}"));
            }
        })).ConfigureAwait(false);

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
