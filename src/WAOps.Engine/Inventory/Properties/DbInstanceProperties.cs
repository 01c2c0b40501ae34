namespace WAOps.Engine.Inventory.Properties;

/// <summary>
/// An RDS DB instance (rds:db). Instances of an Aurora (or Multi-AZ DB) cluster carry ClusterId: AWS reports
/// MultiAZ=false on every Aurora instance, so availability and storage encryption are judged on the cluster.
/// </summary>
public sealed class DbInstanceProperties : ResourceProperties
{
    public Fact<string> Engine { get; init; }

    /// <summary>The cluster the instance belongs to; null for a standalone instance.</summary>
    public Fact<string?> ClusterId { get; init; }

    public Fact<bool> MultiAz { get; init; }

    public Fact<bool> PubliclyAccessible { get; init; }

    public Fact<bool> StorageEncrypted { get; init; }

    public Fact<string?> KmsKeyId { get; init; }

    /// <summary>The subnets of its DB subnet group.</summary>
    public Fact<IReadOnlyList<string>> SubnetIds { get; init; }

    public Fact<string?> AvailabilityZone { get; init; }

    public Fact<string?> SecondaryAvailabilityZone { get; init; }
}
