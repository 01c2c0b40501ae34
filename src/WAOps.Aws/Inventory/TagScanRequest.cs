namespace WAOps.Aws.Inventory;

/// <summary>A tag filter: the key, and the values it may have (none: any value, the key only has to exist).</summary>
public sealed record TagFilterSpec(string Key, IReadOnlyList<string> Values);

/// <summary>What a tag scan covers.</summary>
public sealed class TagScanRequest
{
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>Tagging API resource types ("ec2", "ec2:instance", "s3", ...); empty for all.</summary>
    public IReadOnlyList<string> ResourceTypes { get; init; } = Array.Empty<string>();

    public IReadOnlyList<TagFilterSpec> TagFilters { get; init; } = Array.Empty<TagFilterSpec>();

    /// <summary>
    /// Also list the covered kinds through their own services, to find resources that were never tagged.
    /// Pointless (and skipped) with tag filters: an untagged resource cannot match one.
    /// </summary>
    public bool IncludeServiceDiscovery { get; init; } = true;

    /// <summary>How many listings run at once across regions and services.</summary>
    public int MaxConcurrency { get; init; } = 8;
}

/// <summary>How far a scan has got; reported after each page.</summary>
public sealed record TagScanProgress(int Resources, int ListingsDone, int ListingsTotal, string LastListing);

/// <summary>A listing that failed (access denied to one service, a region that does not answer); the scan goes on.</summary>
public sealed record TagScanFailure(string Region, string Listing, Exception Error);
