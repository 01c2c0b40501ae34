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

    private const string GetResourcesOperation = "GetResources";

    public async Task<GetResourcesResponse> GetResourcesAsync(GetResourcesRequest request, CancellationToken cancellationToken = default) =>
        ReadResponse(GetResourcesOperation, await SendJsonAsync(GetResourcesOperation, request, cancellationToken).ConfigureAwait(false), static body => GetResourcesPageReader.Read(body));

    /// <summary>TagResources takes at most 20 ARNs per call.</summary>
    public const int MaxArnsPerTagCall = 20;

    /// <summary>TagResources and UntagResources take at most 50 tags per call.</summary>
    public const int MaxTagsPerTagCall = 50;

    public Task<TagResourcesResponse> TagResourcesAsync(TagResourcesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<TagResourcesRequest, TagResourcesResponse>("TagResources", request, cancellationToken);

    public Task<UntagResourcesResponse> UntagResourcesAsync(UntagResourcesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<UntagResourcesRequest, UntagResourcesResponse>("UntagResources", request, cancellationToken);

    private Task<AwsHttpResponse> SendGetResourcesAsync(GetResourcesRequest template, string? token, CancellationToken cancellationToken) =>
        SendJsonAsync(GetResourcesOperation, template.WithPaginationToken(token), cancellationToken);

    /// <summary>How often a listing starts over when a pagination token is refused as expired.</summary>
    public const int MaxPaginationRestarts = 2;

    /// <summary>
    /// Every page of GetResources for the filters in <paramref name="template"/>, streamed; the template's
    /// PaginationToken is replaced page by page. A token is valid for 15 minutes, and a retried page whose first
    /// answer was lost may find its token already spent (moto spends each token on use); either way
    /// PaginationTokenExpiredException would end the listing with resources unseen, so the listing starts over
    /// (at most <see cref="MaxPaginationRestarts"/> times) and leaves out the resources it already gave.
    /// </summary>
    public async IAsyncEnumerable<GetResourcesResponse> GetResourcesPagesAsync(
        GetResourcesRequest template,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Pages can only be asked one after the other, so the listing goes at the pace of the round trip: the next
        // page is asked for as soon as its token is read, before this page is parsed, and travels while the caller
        // works through this one.
        using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var given = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        Task<AwsHttpResponse>? next = null;
        var restarts = 0;
        try
        {
            while (true)
            {
                AwsHttpResponse answer;
                try
                {
                    answer = await (next ?? SendGetResourcesAsync(template, token, prefetch.Token)).ConfigureAwait(false);
                }
                catch (AwsServiceException ex) when (token is not null && restarts < MaxPaginationRestarts
                    && string.Equals(ex.ErrorCode, "PaginationTokenExpiredException", StringComparison.Ordinal))
                {
                    restarts++;
                    token = null;
                    next = null;
                    continue;
                }

                next = null;
                token = AwsJsonMemberPeek.ReadString(answer.Body, nameof(GetResourcesResponse.PaginationToken));
                token = string.IsNullOrEmpty(token) ? null : token;
                if (token is not null)
                {
                    next = SendGetResourcesAsync(template, token, prefetch.Token);
                }

                var page = ReadResponse(GetResourcesOperation, answer, static body => GetResourcesPageReader.Read(body));
                page.ResourceTagMappingList.RemoveAll(m => m.ResourceARN is not null && !given.Add(m.ResourceARN));
                yield return page;
                if (token is null)
                {
                    yield break;
                }
            }
        }
        finally
        {
            // A caller that stops early leaves a page in flight: it is called off and its outcome observed.
            if (next is not null)
            {
                prefetch.Cancel();
                try
                {
                    await next.ConfigureAwait(false);
                }
                catch (Exception)
                {
                }
            }
        }
    }
}
