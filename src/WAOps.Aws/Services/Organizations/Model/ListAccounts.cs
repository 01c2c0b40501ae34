using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.Organizations.Model;

// ListAccounts, named as in AWSSDK.Organizations.

public sealed class ListAccountsRequest
{
    public string? NextToken { get; set; }

    public int? MaxResults { get; set; }
}

public sealed class ListAccountsResponse : AwsResponse
{
    public List<Account> Accounts { get; set; } = new();

    public string? NextToken { get; set; }
}

public sealed class Account
{
    public string? Id { get; set; }

    public string? Arn { get; set; }

    public string? Name { get; set; }

    /// <summary>ACTIVE, SUSPENDED or PENDING_CLOSURE.</summary>
    public string? Status { get; set; }
}
