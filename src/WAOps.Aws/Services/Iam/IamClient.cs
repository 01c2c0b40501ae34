using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Query;
using WAOps.Aws.Services.Iam.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.Iam;

/// <summary>AWS IAM over awsQuery. A global service: signed for us-east-1 wherever the session points.</summary>
public sealed class IamClient : AwsQueryClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "IAM",
        EndpointPrefix = "iam",
        ApiVersion = "2010-05-08",
        Protocol = AwsProtocol.AwsQuery,
        GlobalRegion = "us-east-1",
        EndpointEnvironmentSuffix = "IAM",
    };

    /// <summary>The largest page GetAccountAuthorizationDetails allows (botocore: maxItemsType 1..1000).</summary>
    public const int MaxItemsPerPage = 1000;

    public IamClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<GetAccountAuthorizationDetailsResponse> GetAccountAuthorizationDetailsAsync(GetAccountAuthorizationDetailsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<GetAccountAuthorizationDetailsResponse>("GetAccountAuthorizationDetails", request, cancellationToken);

    /// <summary>
    /// Every page of the account's authorization details for the entity types asked for (User, Role, Group,
    /// LocalManagedPolicy, AWSManagedPolicy), 1,000 entities a page, streamed.
    /// </summary>
    public IAsyncEnumerable<GetAccountAuthorizationDetailsResponse> GetAccountAuthorizationDetailsPagesAsync(IReadOnlyList<string> filter, CancellationToken cancellationToken = default) =>
        AwsPaginator.Pages(
            (marker, ct) => GetAccountAuthorizationDetailsAsync(new GetAccountAuthorizationDetailsRequest { Filter = filter.ToList(), MaxItems = MaxItemsPerPage, Marker = marker }, ct),
            page => page.IsTruncated == true ? page.Marker : null,
            cancellationToken);
}
