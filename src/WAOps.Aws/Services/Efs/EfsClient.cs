using System.Globalization;
using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.RestJson;
using WAOps.Aws.Services.Efs.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.Efs;

/// <summary>Amazon EFS over restJson1.</summary>
public sealed class EfsClient : AwsRestJsonClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "EFS",
        EndpointPrefix = "elasticfilesystem",
        ApiVersion = "2015-02-01",
        Protocol = AwsProtocol.RestJson1,
        EndpointEnvironmentSuffix = "EFS",
    };

    public const int MaxItemsPerPage = 100;

    public EfsClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<DescribeFileSystemsResponse> DescribeFileSystemsAsync(DescribeFileSystemsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeFileSystemsResponse>(
            "DescribeFileSystems",
            HttpMethod.Get,
            "/2015-02-01/file-systems",
            new Dictionary<string, string?>
            {
                ["Marker"] = request.Marker,
                ["MaxItems"] = request.MaxItems?.ToString(CultureInfo.InvariantCulture),
                ["FileSystemId"] = request.FileSystemId,
            },
            body: null,
            cancellationToken);

    /// <summary>The mount targets of one file system (the API asks for a file system, mount target or access point id).</summary>
    public Task<DescribeMountTargetsResponse> DescribeMountTargetsAsync(DescribeMountTargetsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeMountTargetsResponse>(
            "DescribeMountTargets",
            HttpMethod.Get,
            "/2015-02-01/mount-targets",
            new Dictionary<string, string?>
            {
                ["FileSystemId"] = request.FileSystemId,
                ["Marker"] = request.Marker,
                ["MaxItems"] = request.MaxItems?.ToString(CultureInfo.InvariantCulture),
            },
            body: null,
            cancellationToken);

    public IAsyncEnumerable<MountTargetDescription> DescribeAllMountTargetsAsync(string fileSystemId, CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (marker, ct) => DescribeMountTargetsAsync(new DescribeMountTargetsRequest { FileSystemId = fileSystemId, Marker = marker, MaxItems = MaxItemsPerPage }, ct),
            page => page.NextMarker,
            page => page.MountTargets,
            cancellationToken);

    public IAsyncEnumerable<FileSystemDescription> DescribeAllFileSystemsAsync(CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (marker, ct) => DescribeFileSystemsAsync(new DescribeFileSystemsRequest { Marker = marker, MaxItems = MaxItemsPerPage }, ct),
            page => page.NextMarker,
            page => page.FileSystems,
            cancellationToken);
}
