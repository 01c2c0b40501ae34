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

    /// <summary>The largest page DescribeLoadBalancers, DescribeListeners and DescribeTargetGroups allow (botocore: PageSize 1..400).</summary>
    public const int MaxPageSize = 400;

    /// <summary>DescribeTags, AddTags and RemoveTags take at most 20 ARNs.</summary>
    public const int MaxTagResources = 20;

    public ElasticLoadBalancingV2Client(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<DescribeLoadBalancersResponse> DescribeLoadBalancersAsync(DescribeLoadBalancersRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeLoadBalancersResponse>("DescribeLoadBalancers", request, cancellationToken);

    public Task<DescribeTagsResponse> DescribeTagsAsync(DescribeTagsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeTagsResponse>("DescribeTags", request, cancellationToken);

    public Task<AddTagsResponse> AddTagsAsync(AddTagsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<AddTagsResponse>("AddTags", request, cancellationToken);

    public Task<RemoveTagsResponse> RemoveTagsAsync(RemoveTagsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<RemoveTagsResponse>("RemoveTags", request, cancellationToken);

    public Task<DescribeListenersResponse> DescribeListenersAsync(DescribeListenersRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeListenersResponse>("DescribeListeners", request, cancellationToken);

    public Task<DescribeTargetGroupsResponse> DescribeTargetGroupsAsync(DescribeTargetGroupsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeTargetGroupsResponse>("DescribeTargetGroups", request, cancellationToken);

    public Task<DescribeTargetHealthResponse> DescribeTargetHealthAsync(DescribeTargetHealthRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeTargetHealthResponse>("DescribeTargetHealth", request, cancellationToken);

    public Task<DeleteLoadBalancerResponse> DeleteLoadBalancerAsync(DeleteLoadBalancerRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DeleteLoadBalancerResponse>("DeleteLoadBalancer", request, cancellationToken);

    /// <summary>The listeners of one load balancer (the API has no account-wide listing of listeners).</summary>
    public IAsyncEnumerable<Listener> DescribeAllListenersAsync(string loadBalancerArn, CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (marker, ct) => DescribeListenersAsync(new DescribeListenersRequest { LoadBalancerArn = loadBalancerArn, PageSize = MaxPageSize, Marker = marker }, ct),
            page => page.NextMarker,
            page => page.Listeners,
            cancellationToken);

    /// <summary>Every target group (optionally of one load balancer), streamed page by page with the largest page size.</summary>
    public IAsyncEnumerable<TargetGroup> DescribeAllTargetGroupsAsync(string? loadBalancerArn = null, CancellationToken cancellationToken = default) =>
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
