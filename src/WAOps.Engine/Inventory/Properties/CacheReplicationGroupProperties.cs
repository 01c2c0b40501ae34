namespace WAOps.Engine.Inventory.Properties;

/// <summary>
/// An ElastiCache replication group (elasticache:replicationgroup). MultiAZ and AutomaticFailover are kept as AWS
/// reports them (enabled, disabled, enabling, disabling; absent means disabled).
/// </summary>
public sealed class CacheReplicationGroupProperties : ResourceProperties
{
    public Fact<string?> MultiAz { get; init; }

    public Fact<string?> AutomaticFailover { get; init; }

    public Fact<bool> AtRestEncryptionEnabled { get; init; }

    public Fact<bool> TransitEncryptionEnabled { get; init; }

    /// <summary>References to its cache clusters (nodes).</summary>
    public Fact<IReadOnlyList<string>> MemberClusterIds { get; init; }

    /// <summary>The subnets of its cache subnet group.</summary>
    public Fact<IReadOnlyList<string>> SubnetIds { get; init; }
}
