using WAOps.Engine.Inventory;

namespace WAOps.Engine.Tags;

/// <summary>Where a tag scan gets regions and the resources with their tags.</summary>
public interface ITagInventorySource
{
    /// <summary>The region the session is in.</summary>
    string Region { get; }

    Task<IReadOnlyList<string>> EnabledRegionsAsync(CancellationToken cancellationToken);

    /// <summary>The regions named, each checked to exist and be enabled.</summary>
    Task<IReadOnlyList<string>> ValidateRegionsAsync(IReadOnlyList<string> regions, CancellationToken cancellationToken);

    /// <summary>The resources the scan covers, a page at a time.</summary>
    IAsyncEnumerable<IReadOnlyList<InventoryResource>> ScanAsync(TagScanRequest request, Action<CollectionProgress> onProgress, Action<CollectionFailure> onFailure,
        CancellationToken cancellationToken);
}
