using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.ElastiCache.Model;

// DescribeReplicationGroups, named as in AWSSDK.ElastiCache.

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

    /// <summary>The cache clusters (one per node) of the group.</summary>
    public List<string> MemberClusters { get; set; } = new();
}
