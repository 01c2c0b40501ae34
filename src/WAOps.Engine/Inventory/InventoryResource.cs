using WAOps.Engine.Inventory.Properties;
using WAOps.Engine.Tags;

namespace WAOps.Engine.Inventory;

/// <summary>
/// One resource in the normalized inventory: where it is, what it is, its tags, how it was found and, for the
/// kinds the quality gates model, its typed properties. Collectors (live AWS, templates) fill it; rules and the
/// tag engine read it and never call AWS.
/// </summary>
/// <remarks>
/// <see cref="Arn"/> is the resource's identity: its ARN for AWS resources; a WAOps id for pseudo-resources
/// (aws:account/123456789012, aws:account/123456789012/region/eu-west-1, aws:account/123456789012/project/shop);
/// whatever stable id a template reader gives resources that have no ARN yet. <see cref="ResourceId"/> is the
/// short id other resources refer to it by (subnet-0abc, a DB identifier, a template's logical id).
/// </remarks>
public sealed class InventoryResource
{
    /// <summary>A resource known by its ARN only (what the tag engine needs): type, id and account come from the ARN.</summary>
    public InventoryResource(string arn, string region, TagSet tags, DiscoverySource discoveredBy, string? name = null)
    {
        Arn = arn;
        Region = region;
        Tags = tags;
        DiscoveredBy = discoveredBy;
        Name = name;
        Inventory.Arn.TryParse(arn, out var parsed);
        ParsedArn = parsed;
        ResourceType = parsed?.ResourceType ?? "unknown";
        ResourceId = parsed?.ResourceId ?? arn;
        AccountId = parsed?.Account ?? string.Empty;
        Kind = ResourceKinds.Find(ResourceType);
    }

    /// <summary>A resource of a modelled kind with its typed properties.</summary>
    public InventoryResource(
        ResourceKind kind,
        string id,
        string resourceId,
        string accountId,
        string region,
        TagSet tags,
        ResourceProperties properties,
        DiscoverySource discoveredBy,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(properties);
        if (!kind.PropertiesType.IsInstanceOfType(properties))
        {
            throw new ArgumentException($"A {kind.Name} resource takes {kind.PropertiesType.Name}, not {properties.GetType().Name}.", nameof(properties));
        }

        Arn = id;
        Kind = kind;
        ResourceType = kind.Name;
        ResourceId = resourceId;
        AccountId = accountId;
        Region = region;
        Tags = tags;
        Properties = properties;
        DiscoveredBy = discoveredBy;
        Name = name;
        Inventory.Arn.TryParse(id, out var parsed);
        ParsedArn = parsed;
    }

    /// <summary>The ARN (or, for resources without one, the stable id described on the class).</summary>
    public string Arn { get; }

    internal Arn? ParsedArn { get; }

    /// <summary>"service:type" (ec2:instance, s3:bucket, rds:db, aws:account, ...).</summary>
    public string ResourceType { get; }

    /// <summary>The modelled kind; null for types the gates do not model.</summary>
    public ResourceKind? Kind { get; }

    /// <summary>The short id other resources refer to it by (i-0abc, subnet-0abc, my-bucket, a DB identifier, a logical id).</summary>
    public string ResourceId { get; }

    /// <summary>The resource's region; global resources (IAM, the account) carry "global", S3 buckets the region they live in.</summary>
    public string Region { get; }

    public string AccountId { get; }

    public TagSet Tags { get; }

    /// <summary>
    /// Why the tags are not known (the Tagging API listing of the region failed; a template builds them with an
    /// intrinsic the reader cannot resolve); null when <see cref="Tags"/> are the resource's tags.
    /// </summary>
    public string? TagsUnknownReason { get; init; }

    /// <summary>True when the tags are unknown because reading them failed (an error), not because they cannot be resolved.</summary>
    public bool TagsReadFailed { get; init; }

    public DiscoverySource DiscoveredBy { get; }

    /// <summary>A human name where the service has one (Name tag, bucket name, function name, a template's logical id).</summary>
    public string? Name { get; }

    /// <summary>The typed properties of a modelled kind; null for resources known by ARN and tags only.</summary>
    public ResourceProperties? Properties { get; }

    /// <summary>Where a template declares the resource; null for live resources.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The properties as <typeparamref name="T"/>, or null when the resource has others (or none).</summary>
    public T? PropertiesAs<T>()
        where T : ResourceProperties => Properties as T;

    /// <summary>A copy with other tags (the collector merges tags read by another listing), or with the failure that kept them from being read.</summary>
    public InventoryResource WithTags(TagSet tags, string? readFailure = null) =>
        Kind is null || Properties is null
            ? new InventoryResource(Arn, Region, tags, DiscoveredBy, Name) { TagsUnknownReason = readFailure, TagsReadFailed = readFailure is not null, Location = Location }
            : new InventoryResource(Kind, Arn, ResourceId, AccountId, Region, tags, Properties, DiscoveredBy, Name) { TagsUnknownReason = readFailure, TagsReadFailed = readFailure is not null, Location = Location };

    public override string ToString() => Arn;
}
