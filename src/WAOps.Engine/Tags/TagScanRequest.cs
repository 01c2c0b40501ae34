namespace WAOps.Engine.Tags;

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
