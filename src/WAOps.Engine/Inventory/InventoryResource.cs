using WAOps.Engine.Tags;

namespace WAOps.Engine.Inventory;

/// <summary>
/// One resource in the normalized inventory: where it is, what it is, its tags and how it was found.
/// Collectors (live AWS, templates) fill it; rules and the tag engine read it and never call AWS.
/// </summary>
public sealed class InventoryResource
{
    public InventoryResource(string arn, string region, TagSet tags, DiscoverySource discoveredBy, string? name = null)
    {
        Arn = arn;
        Region = region;
        Tags = tags;
        DiscoveredBy = discoveredBy;
        Name = name;
        Inventory.Arn.TryParse(arn, out var parsed);
        ParsedArn = parsed;
    }

    public string Arn { get; }

    internal Arn? ParsedArn { get; }

    /// <summary>"service:type" (ec2:instance, s3:bucket, rds:db, ...).</summary>
    public string ResourceType => ParsedArn?.ResourceType ?? "unknown";

    public string ResourceId => ParsedArn?.ResourceId ?? Arn;

    /// <summary>The resource's region; global resources (S3 buckets) carry the region they live in.</summary>
    public string Region { get; }

    public string AccountId => ParsedArn?.Account ?? string.Empty;

    public TagSet Tags { get; }

    public DiscoverySource DiscoveredBy { get; }

    /// <summary>A human name where the service has one (Name tag, bucket name, function name).</summary>
    public string? Name { get; }

    public override string ToString() => Arn;
}
