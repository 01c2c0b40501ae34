using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Query;
using WAOps.Aws.Services.ElastiCache.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.ElastiCache;

/// <summary>Amazon ElastiCache over awsQuery.</summary>
public sealed class ElastiCacheClient : AwsQueryClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "ElastiCache",
        EndpointPrefix = "elasticache",
        ApiVersion = "2015-02-02",
        Protocol = AwsProtocol.AwsQuery,
        EndpointEnvironmentSuffix = "ELASTICACHE",
    };

    /// <summary>The largest page the Describe* operations allow.</summary>
    public const int MaxRecordsPerPage = 100;

    public ElastiCacheClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<DescribeCacheClustersResponse> DescribeCacheClustersAsync(DescribeCacheClustersRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeCacheClustersResponse>("DescribeCacheClusters", request, cancellationToken);

    public Task<DescribeReplicationGroupsResponse> DescribeReplicationGroupsAsync(DescribeReplicationGroupsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeReplicationGroupsResponse>("DescribeReplicationGroups", request, cancellationToken);

    public Task<DescribeCacheSubnetGroupsResponse> DescribeCacheSubnetGroupsAsync(DescribeCacheSubnetGroupsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeCacheSubnetGroupsResponse>("DescribeCacheSubnetGroups", request, cancellationToken);

    /// <summary>Every replication group of the region, streamed.</summary>
    public IAsyncEnumerable<ReplicationGroup> DescribeAllReplicationGroupsAsync(CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (marker, ct) => DescribeReplicationGroupsAsync(new DescribeReplicationGroupsRequest { MaxRecords = MaxRecordsPerPage, Marker = marker }, ct),
            page => page.Marker,
            page => page.ReplicationGroups,
            cancellationToken);

    /// <summary>Every cache cluster of the region with its nodes (ShowCacheNodeInfo), streamed.</summary>
    public IAsyncEnumerable<CacheCluster> DescribeAllCacheClustersWithNodesAsync(CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (marker, ct) => DescribeCacheClustersAsync(new DescribeCacheClustersRequest { MaxRecords = MaxRecordsPerPage, Marker = marker, ShowCacheNodeInfo = true }, ct),
            page => page.Marker,
            page => page.CacheClusters,
            cancellationToken);

    public IAsyncEnumerable<CacheSubnetGroup> DescribeAllCacheSubnetGroupsAsync(CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (marker, ct) => DescribeCacheSubnetGroupsAsync(new DescribeCacheSubnetGroupsRequest { MaxRecords = MaxRecordsPerPage, Marker = marker }, ct),
            page => page.Marker,
            page => page.CacheSubnetGroups,
            cancellationToken);

    public IAsyncEnumerable<CacheCluster> DescribeAllCacheClustersAsync(CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (marker, ct) => DescribeCacheClustersAsync(new DescribeCacheClustersRequest { MaxRecords = MaxRecordsPerPage, Marker = marker }, ct),
            page => page.Marker,
            page => page.CacheClusters,
            cancellationToken);
}
