using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Query;
using WAOps.Aws.Services.ElasticLoadBalancingV2.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.ElasticLoadBalancingV2;

/// <summary>Elastic Load Balancing v2 (ALB, NLB, GWLB) over awsQuery.</summary>
public sealed class ElasticLoadBalancingV2Client : AwsQueryClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "Elastic Load Balancing v2",
        EndpointPrefix = "elasticloadbalancing",
        ApiVersion = "2015-12-01",
        Protocol = AwsProtocol.AwsQuery,
        EndpointEnvironmentSuffix = "ELASTIC_LOAD_BALANCING_V2",
    };

    /// <summary>The largest page DescribeLoadBalancers allows.</summary>
    public const int MaxPageSize = 400;

    public ElasticLoadBalancingV2Client(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<DescribeLoadBalancersResponse> DescribeLoadBalancersAsync(DescribeLoadBalancersRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeLoadBalancersResponse>("DescribeLoadBalancers", request, cancellationToken);

    public Task<DescribeTargetGroupsResponse> DescribeTargetGroupsAsync(DescribeTargetGroupsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeTargetGroupsResponse>("DescribeTargetGroups", request, cancellationToken);

    /// <summary>The target groups of one load balancer, streamed with the largest page size.</summary>
    public IAsyncEnumerable<TargetGroup> DescribeAllTargetGroupsAsync(string loadBalancerArn, CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (marker, ct) => DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { LoadBalancerArn = loadBalancerArn, PageSize = MaxPageSize, Marker = marker }, ct),
            page => page.NextMarker,
            page => page.TargetGroups,
            cancellationToken);

    public IAsyncEnumerable<LoadBalancer> DescribeAllLoadBalancersAsync(CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (marker, ct) => DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { PageSize = MaxPageSize, Marker = marker }, ct),
            page => page.NextMarker,
            page => page.LoadBalancers,
            cancellationToken);
}
