using WAOps.Engine.Inventory;

namespace WAOps.Engine.Gates;

/// <summary>What a live run lists: which accounts (and the role assumed in the others), which regions, which kinds, how many at once.</summary>
public sealed record LiveGateScope
{
    public required string CallerAccount { get; init; }

    public required IReadOnlyList<string> Accounts { get; init; }

    /// <summary>The role assumed in accounts other than the caller's.</summary>
    public string? RoleName { get; init; }

    public required RegionSelection Regions { get; init; }

    /// <summary>The kinds the selected rules judge or look up; only their listings run.</summary>
    public required IReadOnlyCollection<ResourceKind> Kinds { get; init; }

    /// <summary>Read key ownership (a customer-managed key is required).</summary>
    public bool ResolveKeyOwnership { get; init; }

    /// <summary>Listings (region x service) at once per account; per-resource calls run at twice that.</summary>
    public int ThrottleLimit { get; init; } = 8;

    /// <summary>Accounts collected at once.</summary>
    public int AccountThrottleLimit { get; init; } = 4;
}
