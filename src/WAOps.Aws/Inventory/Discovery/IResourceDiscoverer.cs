using WAOps.Engine.Inventory;

namespace WAOps.Aws.Inventory.Discovery;

/// <summary>
/// Lists one kind of resource through its service's own API, tags included where the API returns them.
/// The Tagging API never lists resources that were never tagged; these find them.
/// </summary>
public interface IResourceDiscoverer
{
    /// <summary>"service:type" as in ARNs and the Tagging API (ec2:instance, s3:bucket, ...).</summary>
    string ResourceType { get; }

    /// <summary>Whether the kind is global (listed once for the account, not per region).</summary>
    bool IsGlobal => false;

    /// <summary>Lists the kind in the session's region (or, for global kinds, everywhere).</summary>
    Task<IReadOnlyList<InventoryResource>> DiscoverAsync(DiscoveryContext context, CancellationToken cancellationToken);
}
