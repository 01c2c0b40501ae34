using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Json;
using WAOps.Aws.Services.ResourceGroupsTagging.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.ResourceGroupsTagging;

/// <summary>The Resource Groups Tagging API over awsJson1_1.</summary>
public sealed class ResourceGroupsTaggingClient : AwsJsonClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "Resource Groups Tagging API",
        EndpointPrefix = "tagging",
        ApiVersion = "2017-01-26",
        Protocol = AwsProtocol.AwsJson1_1,
        TargetPrefix = "ResourceGroupsTaggingAPI_20170126",
        EndpointEnvironmentSuffix = "RESOURCE_GROUPS_TAGGING_API",
    };

    /// <summary>The largest page GetResources allows.</summary>
    public const int MaxResourcesPerPage = 100;

    public ResourceGroupsTaggingClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<GetResourcesResponse> GetResourcesAsync(GetResourcesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<GetResourcesRequest, GetResourcesResponse>("GetResources", request, cancellationToken);

    /// <summary>TagResources takes at most 20 ARNs per call.</summary>
    public const int MaxArnsPerTagCall = 20;

    /// <summary>TagResources and UntagResources take at most 50 tags per call.</summary>
    public const int MaxTagsPerTagCall = 50;

    public Task<TagResourcesResponse> TagResourcesAsync(TagResourcesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<TagResourcesRequest, TagResourcesResponse>("TagResources", request, cancellationToken);

    public Task<UntagResourcesResponse> UntagResourcesAsync(UntagResourcesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<UntagResourcesRequest, UntagResourcesResponse>("UntagResources", request, cancellationToken);

    /// <summary>
    /// Every page of GetResources for the filters in <paramref name="template"/>, streamed; the template's
    /// PaginationToken is replaced page by page.
    /// </summary>
    public IAsyncEnumerable<GetResourcesResponse> GetResourcesPagesAsync(GetResourcesRequest template, CancellationToken cancellationToken = default) =>
        AwsPaginator.Pages(
            (token, ct) => GetResourcesAsync(template.WithPaginationToken(token), ct),
            page => page.PaginationToken,
            cancellationToken);
}
