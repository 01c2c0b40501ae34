using Amazon.Runtime;
using WAOps.Aws.Protocol.Json;
using WAOps.Aws.Services.ResourceGroupsTagging;
using WAOps.Aws.Services.ResourceGroupsTagging.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Protocol;

/// <summary>
/// The once-per-process costs of a first AWS call, paid ahead on a pool thread: SigV4 signing (the first use of
/// SHA-256 and HMAC, the signing key), the JSON serializer's shared machinery and the shape of one request and one
/// answer, the HTTP request message as a real call builds it, and the reading of a listing page (its token peeked,
/// the page read as the Tagging API's listing reads it). PowerShell imports the module and
/// binds the first command on one thread; a second core does this meanwhile, so the first request starts warm.
/// Nothing is sent, no profile is read, and the credentials are made up.
/// </summary>
public static class AwsColdStartWarmUp
{
    private static readonly Uri Endpoint = new("https://warm-up.invalid/");

    private static int _started;

    /// <summary>Starts the warm-up once per process; later calls do nothing. Returns at once.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    Run();
                }
                catch (Exception)
                {
                    // Only a head start: the first real call meets and reports whatever failed here.
                }
            });
        }
    }

    /// <summary>
    /// Does the warm-up on the calling thread and returns what it made, so a test can see each step did its work:
    /// the signed request's Authorization header and the number of resources read from a canned page (by both readers).
    /// </summary>
    internal static (string Authorization, int ResourcesRead) Run()
    {
        var body = AwsJsonSerializer.Serialize(new GetResourcesRequest { ResourcesPerPage = ResourceGroupsTaggingClient.MaxResourcesPerPage });
        var request = new AwsHttpRequest("GetResources", HttpMethod.Post, "/", body);
        request.Headers["Content-Type"] = "application/x-amz-json-1.1";
        var (url, headers) = AwsRequestSigner.Sign(ResourceGroupsTaggingClient.Descriptor, new ResolvedEndpoint(Endpoint, "us-east-1", EndpointSource.Parameter),
            request, new ImmutableCredentials("AKIDWARMUPONLY000000", "warm-up-only", null));

        using var message = AwsHttpTransport.ToHttpMessage(request, url, headers);

        var answer = """{"PaginationToken":"","ResourceTagMappingList":[{"ResourceARN":"arn:aws:sqs:us-east-1:123456789012:warm-up","Tags":[{"Key":"Environment","Value":"dev"}]}]}"""u8;
        var byTheSerializer = AwsJsonSerializer.Deserialize<GetResourcesResponse>(answer);
        _ = AwsJsonMemberPeek.ReadString(answer, nameof(GetResourcesResponse.PaginationToken));
        var byThePageReader = GetResourcesPageReader.Read(answer);
        return (headers.TryGetValue("Authorization", out var authorization) ? authorization : string.Empty,
            byTheSerializer.ResourceTagMappingList.Count + byThePageReader.ResourceTagMappingList.Count);
    }
}
