using Amazon.SecurityToken.Model;
using WAOps.Aws.Services.Sdk;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.Sts;

/// <summary>Who the session's credentials are: account, ARN and user id (STS GetCallerIdentity).</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);

/// <summary>Asks STS who the caller is, through the official AWSSDK.SecurityToken package.</summary>
public static class CallerIdentityGateway
{
    public static async Task<CallerIdentity> GetAsync(AwsSession session, CancellationToken cancellationToken)
    {
        using var sts = AwsSdkClientFactory.CreateSts(session);
        var response = await AwsSdkCall.RunAsync(session, AwsSdkClientFactory.Sts, "GetCallerIdentity",
            ct => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), ct), cancellationToken).ConfigureAwait(false);
        return new CallerIdentity(response.Account, response.Arn, response.UserId);
    }
}
