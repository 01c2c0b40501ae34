using WAOps.Aws.Session;
using WAOps.Engine.Inventory;
using WAOps.Engine.Tags;

namespace WAOps.Aws.Inventory;

/// <summary>A tag scan's regions and resources, through the Tagging API and each kind's own service.</summary>
public sealed class TagInventorySource : ITagInventorySource
{
    private readonly AwsSession _session;

    public TagInventorySource(AwsSession session) => _session = session;

    public string Region => _session.Region;

    public Task<IReadOnlyList<string>> EnabledRegionsAsync(CancellationToken cancellationToken) => RegionCatalogGateway.EnabledRegionsAsync(_session, cancellationToken);

    public Task<IReadOnlyList<string>> ValidateRegionsAsync(IReadOnlyList<string> regions, CancellationToken cancellationToken) =>
        RegionCatalogGateway.ValidateAsync(_session, regions, cancellationToken);

    public IAsyncEnumerable<IReadOnlyList<InventoryResource>> ScanAsync(TagScanRequest request, Action<CollectionProgress> onProgress, Action<CollectionFailure> onFailure,
        CancellationToken cancellationToken) =>
        TaggedResourceScanner.ScanBatchesAsync(_session, request, onProgress, onFailure, cancellationToken);
}
