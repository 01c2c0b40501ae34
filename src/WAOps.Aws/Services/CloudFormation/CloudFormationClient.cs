using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Query;
using WAOps.Aws.Services.CloudFormation.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.CloudFormation;

/// <summary>AWS CloudFormation over awsQuery: the resources of a stack.</summary>
public sealed class CloudFormationClient : AwsQueryClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "CloudFormation",
        EndpointPrefix = "cloudformation",
        ApiVersion = "2010-05-15",
        Protocol = AwsProtocol.AwsQuery,
        EndpointEnvironmentSuffix = "CLOUDFORMATION",
    };

    public CloudFormationClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<ListStackResourcesResponse> ListStackResourcesAsync(ListStackResourcesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ListStackResourcesResponse>("ListStackResources", request, cancellationToken);

    /// <summary>Every resource of a stack, streamed page by page (ListStackResources has no page size; AWS returns up to 100).</summary>
    public IAsyncEnumerable<StackResourceSummary> ListAllStackResourcesAsync(string stackName, CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (token, ct) => ListStackResourcesAsync(new ListStackResourcesRequest { StackName = stackName, NextToken = token }, ct),
            page => page.NextToken,
            page => page.StackResourceSummaries,
            cancellationToken);
}
