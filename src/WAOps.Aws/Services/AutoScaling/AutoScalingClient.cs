using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Query;
using WAOps.Aws.Services.AutoScaling.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.AutoScaling;

/// <summary>Amazon EC2 Auto Scaling over awsQuery.</summary>
public sealed class AutoScalingClient : AwsQueryClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "Auto Scaling",
        EndpointPrefix = "autoscaling",
        ApiVersion = "2011-01-01",
        Protocol = AwsProtocol.AwsQuery,
        EndpointEnvironmentSuffix = "AUTO_SCALING",
    };

    /// <summary>The largest page DescribeAutoScalingGroups allows.</summary>
    public const int MaxRecordsPerPage = 100;

    public AutoScalingClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<DescribeAutoScalingGroupsResponse> DescribeAutoScalingGroupsAsync(DescribeAutoScalingGroupsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeAutoScalingGroupsResponse>("DescribeAutoScalingGroups", request, cancellationToken);

    /// <summary>Every group matching the filters, streamed with the largest page size.</summary>
    public IAsyncEnumerable<AutoScalingGroup> DescribeAllAutoScalingGroupsAsync(List<Filter>? filters, CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (token, ct) => DescribeAutoScalingGroupsAsync(new DescribeAutoScalingGroupsRequest { Filters = filters, MaxRecords = MaxRecordsPerPage, NextToken = token }, ct),
            page => page.NextToken,
            page => page.AutoScalingGroups,
            cancellationToken);
}
