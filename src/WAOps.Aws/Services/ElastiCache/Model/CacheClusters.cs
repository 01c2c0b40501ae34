using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.ElastiCache.Model;

// DescribeCacheClusters, named as in AWSSDK.ElastiCache.

public sealed class DescribeCacheClustersRequest
{
    public string? CacheClusterId { get; set; }

    public int? MaxRecords { get; set; }

    public string? Marker { get; set; }

    public bool? ShowCacheNodeInfo { get; set; }
}

public sealed class DescribeCacheClustersResponse : AwsResponse
{
    public string? Marker { get; set; }

    public List<CacheCluster> CacheClusters { get; set; } = new();
}

public sealed class CacheCluster
{
    public string? CacheClusterId { get; set; }

    public string? ARN { get; set; }

    public string? Engine { get; set; }

    public string? CacheNodeType { get; set; }

    public string? CacheClusterStatus { get; set; }

    public int? NumCacheNodes { get; set; }

    public string? PreferredAvailabilityZone { get; set; }

    public string? CacheSubnetGroupName { get; set; }

    public string? ReplicationGroupId { get; set; }

    public bool? TransitEncryptionEnabled { get; set; }

    public bool? AtRestEncryptionEnabled { get; set; }

    public DateTime? CacheClusterCreateTime { get; set; }

    /// <summary>Filled with ShowCacheNodeInfo.</summary>
    public List<CacheNode> CacheNodes { get; set; } = new();
}

public sealed class CacheNode
{
    public string? CacheNodeId { get; set; }

    public string? CacheNodeStatus { get; set; }
}
