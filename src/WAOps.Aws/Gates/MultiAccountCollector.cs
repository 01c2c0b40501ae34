using System.Runtime.CompilerServices;
using System.Threading.Channels;
using WAOps.Aws.Inventory;
using WAOps.Aws.Session;
using WAOps.Engine.Errors;
using WAOps.Engine.Gates;
using WAOps.Engine.Inventory;

namespace WAOps.Aws.Gates;

/// <summary>
/// Collects the inventories of several accounts in parallel under a bound and streams each one as it completes. An
/// account that cannot be checked (role not assumable, regions unreadable) comes back with its error; the others go on.
/// </summary>
public static class MultiAccountCollector
{
    public static async IAsyncEnumerable<AccountInventory> CollectAsync(
        AwsSession caller,
        string callerAccount,
        IReadOnlyList<string> accounts,
        string? roleName,
        RegionSelection regions,
        Func<IReadOnlyList<string>, LiveCollectionRequest> request,
        int accountConcurrency,
        Action<CollectionProgress>? onProgress,
        Action<CollectionFailure>? onFailure,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<AccountInventory>(new UnboundedChannelOptions { SingleReader = true });
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var bound = new SemaphoreSlim(Math.Max(1, accountConcurrency));
        var producer = Task.Run(async () =>
        {
            try
            {
                await Task.WhenAll(accounts.Select(async account =>
                {
                    await bound.WaitAsync(linked.Token).ConfigureAwait(false);
                    try
                    {
                        await channel.Writer.WriteAsync(await OneAsync(account).ConfigureAwait(false), linked.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        bound.Release();
                    }
                })).ConfigureAwait(false);
                channel.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                channel.Writer.TryComplete(ex);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var result in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }
        }
        finally
        {
            linked.Cancel();
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        async Task<AccountInventory> OneAsync(string account)
        {
            IReadOnlyList<string> listed = Array.Empty<string>();
            try
            {
                var session = await AccountTargets.SessionForAsync(caller, callerAccount, account, roleName, linked.Token).ConfigureAwait(false);
                listed = regions.AllEnabled
                    ? await RegionCatalogGateway.EnabledRegionsAsync(session, linked.Token).ConfigureAwait(false)
                    : regions.Regions is { Count: > 0 } named
                        ? regions.Validated ? named : await RegionCatalogGateway.ValidateAsync(session, named, linked.Token).ConfigureAwait(false)
                        : new[] { session.Region };
                var inventory = await LiveInventoryCollector.CollectAsync(session, account, request(listed), onProgress, onFailure, linked.Token).ConfigureAwait(false);
                return new AccountInventory(account, listed, inventory, null);
            }
            catch (WAOpsException ex) when (!linked.IsCancellationRequested)
            {
                var error = ex.ErrorId == GateErrorIds.AccountUnavailable
                    ? ex
                    : new WAOpsException(GateErrorIds.AccountUnavailable, ex.Kind, $"Account {account} could not be checked: {ex.Message}", account, ex);
                return new AccountInventory(account, listed, null, error);
            }
        }
    }
}
