using WAOps.Engine.Inventory;

namespace WAOps.Engine.Gates;

/// <summary>Where a live quality-gate run gets accounts, regions and each account's inventory.</summary>
public interface IAccountInventorySource
{
    /// <summary>The region the session is in.</summary>
    string Region { get; }

    /// <summary>The account the credentials belong to.</summary>
    Task<string> CallerAccountAsync(CancellationToken cancellationToken);

    /// <summary>The organization's active accounts (the caller must be allowed to list them).</summary>
    Task<IReadOnlyList<string>> OrganizationAccountsAsync(CancellationToken cancellationToken);

    /// <summary>The regions enabled for the caller's account.</summary>
    Task<IReadOnlyList<string>> EnabledRegionsAsync(CancellationToken cancellationToken);

    /// <summary>The regions named, each checked to exist and be enabled (a bad one stops the run before anything is listed).</summary>
    Task<IReadOnlyList<string>> ValidateRegionsAsync(IReadOnlyList<string> regions, CancellationToken cancellationToken);

    /// <summary>Each account's inventory of the kinds asked for, streamed as each account completes.</summary>
    IAsyncEnumerable<AccountInventory> CollectAsync(LiveGateScope scope, Action<CollectionProgress> onProgress, Action<CollectionFailure> onFailure,
        CancellationToken cancellationToken);
}
