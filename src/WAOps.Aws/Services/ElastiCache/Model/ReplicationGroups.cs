using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.ElastiCache.Model;

// DescribeReplicationGroups and DescribeCacheSubnetGroups, named as in AWSSDK.ElastiCache.

public sealed class DescribeReplicationGroupsRequest
{
    public string? ReplicationGroupId { get; set; }

    public int? MaxRecords { get; set; }

    public string? Marker { get; set; }
}

public sealed class DescribeReplicationGroupsResponse : AwsResponse
{
    public string? Marker { get; set; }

    public List<ReplicationGroup> ReplicationGroups { get; set; } = new();
}

public sealed class ReplicationGroup
{
    public string? ReplicationGroupId { get; set; }

    public string? ARN { get; set; }

    public string? Status { get; set; }

    public string? Engine { get; set; }

    /// <summary>enabled, disabled, enabling, disabling (absent: disabled).</summary>
    public string? AutomaticFailover { get; set; }

    /// <summary>enabled or disabled (absent: disabled).</summary>
    public string? MultiAZ { get; set; }

    public bool? AtRestEncryptionEnabled { get; set; }

    public bool? TransitEncryptionEnabled { get; set; }

    public string? KmsKeyId { get; set; }

    /// <summary>The cache clusters (one per node) of the group.</summary>
    public List<string> MemberClusters { get; set; } = new();
}

public sealed class DescribeCacheSubnetGroupsRequest
{
    public string? CacheSubnetGroupName { get; set; }

    public int? MaxRecords { get; set; }

    public string? Marker { get; set; }
}

public sealed class DescribeCacheSubnetGroupsResponse : AwsResponse
{
    public string? Marker { get; set; }

    public List<CacheSubnetGroup> CacheSubnetGroups { get; set; } = new();
}

public sealed class CacheSubnetGroup
{
    public string? CacheSubnetGroupName { get; set; }

    public string? VpcId { get; set; }

    public List<CacheSubnet> Subnets { get; set; } = new();
}

public sealed class CacheSubnet
{
    public string? SubnetIdentifier { get; set; }
}
