using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Json;
using WAOps.Aws.Services.CloudTrail.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.CloudTrail;

/// <summary>AWS CloudTrail over awsJson1_1.</summary>
public sealed class CloudTrailClient : AwsJsonClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "CloudTrail",
        EndpointPrefix = "cloudtrail",
        ApiVersion = "2013-11-01",
        Protocol = AwsProtocol.AwsJson1_1,
        TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101",
        EndpointEnvironmentSuffix = "CLOUDTRAIL",
    };

    public CloudTrailClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    /// <summary>The trails of the region; with shadow trails, also the multi-region and organization trails homed elsewhere (not paginated).</summary>
    public Task<DescribeTrailsResponse> DescribeTrailsAsync(DescribeTrailsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeTrailsRequest, DescribeTrailsResponse>("DescribeTrails", request, cancellationToken);

    public Task<GetTrailStatusResponse> GetTrailStatusAsync(GetTrailStatusRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<GetTrailStatusRequest, GetTrailStatusResponse>("GetTrailStatus", request, cancellationToken);

    public Task<GetEventSelectorsResponse> GetEventSelectorsAsync(GetEventSelectorsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<GetEventSelectorsRequest, GetEventSelectorsResponse>("GetEventSelectors", request, cancellationToken);
}
