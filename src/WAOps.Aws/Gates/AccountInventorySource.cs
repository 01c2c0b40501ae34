using WAOps.Aws.Inventory;
using WAOps.Aws.Services.Sts;
using WAOps.Aws.Session;
using WAOps.Engine.Gates;
using WAOps.Engine.Inventory;

namespace WAOps.Aws.Gates;

/// <summary>A live quality-gate run's accounts, regions and inventories, through AWS from one session.</summary>
public sealed class AccountInventorySource : IAccountInventorySource
{
    private readonly AwsSession _session;

    public AccountInventorySource(AwsSession session) => _session = session;

    public string Region => _session.Region;

    public async Task<string> CallerAccountAsync(CancellationToken cancellationToken) =>
        (await CallerIdentityGateway.GetAsync(_session, cancellationToken).ConfigureAwait(false)).Account;

    public async Task<IReadOnlyList<string>> OrganizationAccountsAsync(CancellationToken cancellationToken) =>
        await AccountTargets.OrganizationAccountsAsync(_session, cancellationToken).ConfigureAwait(false);

    public Task<IReadOnlyList<string>> EnabledRegionsAsync(CancellationToken cancellationToken) => RegionCatalogGateway.EnabledRegionsAsync(_session, cancellationToken);

    public Task<IReadOnlyList<string>> ValidateRegionsAsync(IReadOnlyList<string> regions, CancellationToken cancellationToken) =>
        RegionCatalogGateway.ValidateAsync(_session, regions, cancellationToken);

    public IAsyncEnumerable<AccountInventory> CollectAsync(LiveGateScope scope, Action<CollectionProgress> onProgress, Action<CollectionFailure> onFailure,
        CancellationToken cancellationToken) =>
        MultiAccountCollector.CollectAsync(_session, scope.CallerAccount, scope.Accounts, scope.RoleName, scope.Regions,
            regions => new LiveCollectionRequest
            {
                Regions = regions,
                Kinds = scope.Kinds,
                ResolveKeyOwnership = scope.ResolveKeyOwnership,
                MaxConcurrency = scope.ThrottleLimit,
                MaxResourceConcurrency = scope.ThrottleLimit * 2,
            },
            scope.AccountThrottleLimit, onProgress, onFailure, cancellationToken);
}
