using WAOps.Engine.Inventory;

namespace WAOps.Aws.Inventory.Discovery;

/// <summary>
/// A kind listed once for the whole account (S3 buckets). Its listing does not say each resource's region,
/// so the scan asks for the region only of the resources the Tagging API did not already report.
/// </summary>
public interface IGlobalResourceDiscoverer : IResourceDiscoverer
{
    Task<string> RegionOfAsync(DiscoveryContext context, InventoryResource resource, CancellationToken cancellationToken);
}
