using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Query;
using WAOps.Aws.Services.Rds.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.Rds;

/// <summary>Amazon RDS over awsQuery.</summary>
public sealed class RdsClient : AwsQueryClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "RDS",
        EndpointPrefix = "rds",
        ApiVersion = "2014-10-31",
        Protocol = AwsProtocol.AwsQuery,
        EndpointEnvironmentSuffix = "RDS",
    };

    /// <summary>The largest page the Describe* operations allow (MaxRecords 20..100).</summary>
    public const int MaxRecordsPerPage = 100;

    public RdsClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<DescribeDBInstancesResponse> DescribeDBInstancesAsync(DescribeDBInstancesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeDBInstancesResponse>("DescribeDBInstances", request, cancellationToken);

    public Task<DescribeDBClustersResponse> DescribeDBClustersAsync(DescribeDBClustersRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeDBClustersResponse>("DescribeDBClusters", request, cancellationToken);

    public Task<CreateDBSnapshotResponse> CreateDBSnapshotAsync(CreateDBSnapshotRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<CreateDBSnapshotResponse>("CreateDBSnapshot", request, cancellationToken);

    public Task<DescribeDBSnapshotsResponse> DescribeDBSnapshotsAsync(DescribeDBSnapshotsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeDBSnapshotsResponse>("DescribeDBSnapshots", request, cancellationToken);

    public Task<StopDBInstanceResponse> StopDBInstanceAsync(StopDBInstanceRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<StopDBInstanceResponse>("StopDBInstance", request, cancellationToken);

    public Task<DeleteDBInstanceResponse> DeleteDBInstanceAsync(DeleteDBInstanceRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DeleteDBInstanceResponse>("DeleteDBInstance", request, cancellationToken);

    public Task<AddTagsToResourceResponse> AddTagsToResourceAsync(AddTagsToResourceRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<AddTagsToResourceResponse>("AddTagsToResource", request, cancellationToken);

    public Task<RemoveTagsFromResourceResponse> RemoveTagsFromResourceAsync(RemoveTagsFromResourceRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<RemoveTagsFromResourceResponse>("RemoveTagsFromResource", request, cancellationToken);

    /// <summary>Every DB cluster (Aurora and Multi-AZ clusters), streamed page by page.</summary>
    public IAsyncEnumerable<DBCluster> DescribeAllDBClustersAsync(CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (marker, ct) => DescribeDBClustersAsync(new DescribeDBClustersRequest { MaxRecords = MaxRecordsPerPage, Marker = marker }, ct),
            page => page.Marker,
            page => page.DBClusters,
            cancellationToken);

    /// <summary>Every DB instance (optionally filtered), streamed page by page with the largest page size.</summary>
    public IAsyncEnumerable<DBInstance> DescribeAllDBInstancesAsync(List<Filter>? filters = null, CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (marker, ct) => DescribeDBInstancesAsync(new DescribeDBInstancesRequest { Filters = filters, MaxRecords = MaxRecordsPerPage, Marker = marker }, ct),
            page => page.Marker,
            page => page.DBInstances,
            cancellationToken);
}
