using WAOps.Engine.Gates;
using WAOps.Aws.Services.Organizations;
using WAOps.Aws.Session;
using WAOps.Engine.Errors;

namespace WAOps.Aws.Gates;

/// <summary>The accounts a run checks and the session for each: the caller's own, or a role assumed in another account.</summary>
public static class AccountTargets
{
    public const string SessionName = "WAOps-QualityGate";

    /// <summary>The ACTIVE accounts of the caller's organization (Organizations ListAccounts, 20 a page), sorted.</summary>
    public static async Task<IReadOnlyList<string>> OrganizationAccountsAsync(AwsSession session, CancellationToken cancellationToken)
    {
        try
        {
            var accounts = new List<string>();
            await foreach (var account in new OrganizationsClient(session).ListAllAccountsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (account.Id is not null && (account.Status is null || account.Status == "ACTIVE"))
                {
                    accounts.Add(account.Id);
                }
            }

            return accounts.OrderBy(a => a, StringComparer.Ordinal).ToList();
        }
        catch (WAOpsException ex)
        {
            throw new WAOpsException(GateErrorIds.OrganizationAccountsUnavailable, ex.Kind,
                $"The accounts of the organization could not be listed: {ex.Message}", null, ex)
            {
                RecommendedAction = "Run from the management account or a delegated administrator of AWS Organizations, or list the accounts with -AccountId.",
            };
        }
    }

    /// <summary>
    /// The session for <paramref name="accountId"/>: the caller's own session for its own account; else credentials of
    /// <paramref name="roleName"/> in that account, assumed (and checked) now. Failure is AccountUnavailable.
    /// </summary>
    public static async Task<AwsSession> SessionForAsync(AwsSession caller, string callerAccount, string accountId, string? roleName, CancellationToken cancellationToken)
    {
        if (accountId == callerAccount)
        {
            return caller;
        }

        if (string.IsNullOrEmpty(roleName))
        {
            throw new WAOpsException(GateErrorIds.AccountUnavailable, ErrorKind.InvalidArgument,
                $"Account {accountId} is not the caller's account ({callerAccount}); give -AssumeRoleName to check it.", accountId);
        }

        var partition = AwsRegionName.Partition(caller.Region);
        var roleArn = $"arn:{partition}:iam::{accountId}:role/{roleName.Trim('/')}";
        var credentials = new AssumedRoleCredentials(caller, roleArn, SessionName);
        try
        {
            await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WAOpsException ex)
        {
            throw new WAOpsException(GateErrorIds.AccountUnavailable, ex.Kind,
                $"Account {accountId} could not be checked: assuming {roleArn} failed: {ex.Message}", accountId, ex);
        }

        return caller.WithCredentials(credentials, CredentialSource.AssumedRole, $"role {roleArn}");
    }
}
