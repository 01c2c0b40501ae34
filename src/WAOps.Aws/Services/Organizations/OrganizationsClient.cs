using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Json;
using WAOps.Aws.Services.Organizations.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.Organizations;

/// <summary>AWS Organizations over awsJson1_1. A global service: organizations.us-east-1.amazonaws.com, signed for us-east-1.</summary>
public sealed class OrganizationsClient : AwsJsonClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "Organizations",
        EndpointPrefix = "organizations",
        ApiVersion = "2016-11-28",
        Protocol = AwsProtocol.AwsJson1_1,
        TargetPrefix = "AWSOrganizationsV20161128",
        GlobalRegion = "us-east-1",
        GlobalHost = "organizations.us-east-1.amazonaws.com",
        EndpointEnvironmentSuffix = "ORGANIZATIONS",
    };

    /// <summary>The largest page ListAccounts allows (botocore: MaxResults 1..20).</summary>
    public const int MaxAccountsPerPage = 20;

    public OrganizationsClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<ListAccountsResponse> ListAccountsAsync(ListAccountsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ListAccountsRequest, ListAccountsResponse>("ListAccounts", request, cancellationToken);

    /// <summary>Every account of the organization (called from the management account or a delegated administrator).</summary>
    public IAsyncEnumerable<Account> ListAllAccountsAsync(CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (token, ct) => ListAccountsAsync(new ListAccountsRequest { MaxResults = MaxAccountsPerPage, NextToken = token }, ct),
            page => page.NextToken,
            page => page.Accounts,
            cancellationToken);
}
