using WAOps.Engine.Inventory;
using WAOps.Engine.Runs;

namespace WAOps.Engine.Cleanup;

/// <summary>Where a cleanup run reads from: the account and region it judges, and the resources with their verdicts.</summary>
public interface IIdleSource
{
    string Region { get; }

    /// <summary>The account the credentials belong to.</summary>
    Task<string> AccountIdAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Lists the kinds the options' criteria judge, reads the metrics of those in the run's environments, and evaluates
    /// them. A listing that fails is reported to <paramref name="onFailure"/> and the others go on.
    /// </summary>
    Task<IdleCollection> CollectAsync(CleanupOptions options, DateTimeOffset now, Action<RunProgress> onProgress, Action<CollectionFailure> onFailure,
        CancellationToken cancellationToken);
}
