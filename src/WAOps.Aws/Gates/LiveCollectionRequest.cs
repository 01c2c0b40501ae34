using WAOps.Engine.Inventory;

namespace WAOps.Aws.Gates;

/// <summary>What the live collector lists for one account.</summary>
public sealed class LiveCollectionRequest
{
    /// <summary>The regions to list (enabled regions only).</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>The kinds the selected rules judge or look up; only their listings run.</summary>
    public required IReadOnlyCollection<ResourceKind> Kinds { get; init; }

    /// <summary>
    /// A customer-managed key is required: read the key settings of S3 buckets and DynamoDB tables (skipped otherwise:
    /// both always encrypt) and the key manager of the KMS keys resources reference.
    /// </summary>
    public bool ResolveKeyOwnership { get; init; }

    /// <summary>How many listings (region x service) run at once.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>How many per-resource calls (per bucket, queue, topic, table, load balancer, ...) run at once.</summary>
    public int MaxResourceConcurrency { get; init; } = 16;
}
