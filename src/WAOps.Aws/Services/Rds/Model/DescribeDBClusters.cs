using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.Rds.Model;

// DescribeDBClusters, named as in AWSSDK.RDS.

public sealed class DescribeDBClustersRequest
{
    public string? DBClusterIdentifier { get; set; }

    [AwsListMember("Filter")]
    public List<Filter>? Filters { get; set; }

    public int? MaxRecords { get; set; }

    public string? Marker { get; set; }
}

public sealed class DescribeDBClustersResponse : AwsResponse
{
    public string? Marker { get; set; }

    public List<DBCluster> DBClusters { get; set; } = new();
}

/// <summary>The members of an RDS/Aurora DB cluster WAOps reads.</summary>
public sealed class DBCluster
{
    public string? DBClusterIdentifier { get; set; }

    public string? DBClusterArn { get; set; }

    public string? Engine { get; set; }

    public string? EngineMode { get; set; }

    /// <summary>Set on a cluster that replicates from another (an Aurora MySQL binary log replica, a cross-region replica).</summary>
    public string? ReplicationSourceIdentifier { get; set; }

    public string? Status { get; set; }

    public bool? MultiAZ { get; set; }

    public bool? StorageEncrypted { get; set; }

    public string? KmsKeyId { get; set; }

    public bool? PubliclyAccessible { get; set; }

    public bool? DeletionProtection { get; set; }

    public string? DBSubnetGroup { get; set; }

    public DateTime? ClusterCreateTime { get; set; }

    public List<string> AvailabilityZones { get; set; } = new();

    public List<DBClusterMember> DBClusterMembers { get; set; } = new();

    public List<Tag> TagList { get; set; } = new();
}

public sealed class DBClusterMember
{
    public string? DBInstanceIdentifier { get; set; }

    public bool? IsClusterWriter { get; set; }
}
