namespace WAOps.Aws.Services.Rds.Model;

/// <summary>The members of an RDS DB instance WAOps reads, named as in AWSSDK.RDS.</summary>
public sealed class DBInstance
{
    public string? DBInstanceIdentifier { get; set; }

    public string? DBInstanceArn { get; set; }

    public string? DBInstanceClass { get; set; }

    public string? Engine { get; set; }

    public string? EngineVersion { get; set; }

    public string? DBInstanceStatus { get; set; }

    public string? DBClusterIdentifier { get; set; }

    /// <summary>Set on a read replica: the instance it replicates.</summary>
    public string? ReadReplicaSourceDBInstanceIdentifier { get; set; }

    public bool? PerformanceInsightsEnabled { get; set; }

    public string? AvailabilityZone { get; set; }

    public string? SecondaryAvailabilityZone { get; set; }

    public bool? MultiAZ { get; set; }

    public bool? PubliclyAccessible { get; set; }

    public bool? StorageEncrypted { get; set; }

    public string? KmsKeyId { get; set; }

    public bool? DeletionProtection { get; set; }

    public DateTime? InstanceCreateTime { get; set; }

    public int? AllocatedStorage { get; set; }

    public string? StorageType { get; set; }

    public List<string> ReadReplicaDBInstanceIdentifiers { get; set; } = new();

    public DBSubnetGroup? DBSubnetGroup { get; set; }

    public List<Tag> TagList { get; set; } = new();
}

public sealed class DBSubnetGroup
{
    public string? DBSubnetGroupName { get; set; }

    public string? VpcId { get; set; }

    public List<Subnet> Subnets { get; set; } = new();
}

public sealed class Subnet
{
    public string? SubnetIdentifier { get; set; }

    public AvailabilityZone? SubnetAvailabilityZone { get; set; }
}

public sealed class AvailabilityZone
{
    public string? Name { get; set; }
}

public sealed class Tag
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}
