using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Json;
using WAOps.Aws.Services.Ecs.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.Ecs;

/// <summary>Amazon ECS over awsJson1_1 (members are camelCase on the wire).</summary>
public sealed class EcsClient : AwsJsonClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "ECS",
        EndpointPrefix = "ecs",
        ApiVersion = "2014-11-13",
        Protocol = AwsProtocol.AwsJson1_1,
        TargetPrefix = "AmazonEC2ContainerServiceV20141113",
        EndpointEnvironmentSuffix = "ECS",
    };

    /// <summary>The largest page ListClusters and ListServices allow.</summary>
    public const int MaxResultsPerPage = 100;

    public EcsClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<ListClustersResponse> ListClustersAsync(ListClustersRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ListClustersRequest, ListClustersResponse>("ListClusters", request, cancellationToken);

    public Task<ListServicesResponse> ListServicesAsync(ListServicesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ListServicesRequest, ListServicesResponse>("ListServices", request, cancellationToken);

    /// <summary>The most clusters one DescribeClusters call takes.</summary>
    public const int MaxClustersPerDescribe = 100;

    /// <summary>The most services one DescribeServices call takes.</summary>
    public const int MaxServicesPerDescribe = 10;

    public Task<DescribeClustersResponse> DescribeClustersAsync(DescribeClustersRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeClustersRequest, DescribeClustersResponse>("DescribeClusters", request, cancellationToken);

    public Task<DescribeServicesResponse> DescribeServicesAsync(DescribeServicesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeServicesRequest, DescribeServicesResponse>("DescribeServices", request, cancellationToken);

    public IAsyncEnumerable<string> ListAllClusterArnsAsync(CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (token, ct) => ListClustersAsync(new ListClustersRequest { MaxResults = MaxResultsPerPage, NextToken = token }, ct),
            page => page.NextToken,
            page => page.ClusterArns,
            cancellationToken);

    public IAsyncEnumerable<string> ListAllServiceArnsAsync(string cluster, CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (token, ct) => ListServicesAsync(new ListServicesRequest { Cluster = cluster, MaxResults = MaxResultsPerPage, NextToken = token }, ct),
            page => page.NextToken,
            page => page.ServiceArns,
            cancellationToken);
}
