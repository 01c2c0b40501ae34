using WAOps.Aws.Services.Sts;

namespace WAOps.Aws.Session;

/// <summary>Builds a <see cref="WAContext"/> for a session: one STS GetCallerIdentity call.</summary>
public static class WAContextReader
{
    public static async Task<WAContext> ReadAsync(AwsSession session, CancellationToken cancellationToken)
    {
        var identity = await CallerIdentityGateway.GetAsync(session, cancellationToken).ConfigureAwait(false);
        return new WAContext
        {
            Account = identity.Account,
            Arn = identity.Arn,
            UserId = identity.UserId,
            Region = session.Region,
            Partition = AwsRegionName.Partition(session.Region),
            RegionSource = session.RegionSource,
            CredentialSource = session.CredentialSource,
            CredentialDetail = session.CredentialDetail,
            AccessKeyId = await session.GetMaskedAccessKeyIdAsync(cancellationToken).ConfigureAwait(false),
            ProfileName = session.ProfileName,
            EndpointUrl = session.EndpointUrl,
            EndpointSource = session.EndpointSource,
        };
    }
}
