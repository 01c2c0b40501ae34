namespace WAOps.Engine.Tags;

/// <summary>What a user asked Get-WATagCompliance for: where, which resources, against which policy, and what to write.</summary>
public sealed record TagScanInput
{
    public required TagPolicy Policy { get; init; }

    public IReadOnlyList<string>? Regions { get; init; }

    public bool AllRegions { get; init; }

    /// <summary>Tagging API resource types ("ec2", "ec2:instance", "s3", ...); empty for all.</summary>
    public IReadOnlyList<string> ResourceTypes { get; init; } = Array.Empty<string>();

    public IReadOnlyList<TagFilterSpec> TagFilters { get; init; } = Array.Empty<TagFilterSpec>();

    public bool TaggingApiOnly { get; init; }

    public bool IncludeCompliant { get; init; }

    public bool Summary { get; init; }

    public int ThrottleLimit { get; init; } = 8;
}
