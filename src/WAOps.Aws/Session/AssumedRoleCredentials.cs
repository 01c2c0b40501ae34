using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using WAOps.Aws.Services.Sdk;

namespace WAOps.Aws.Session;

/// <summary>
/// Credentials of a role assumed with STS AssumeRole from a source session, renewed five minutes before they expire,
/// so a long scan of a large account never runs on expired credentials. The STS call goes where the source session's
/// STS calls go (the same endpoint override), so tests reach moto.
/// </summary>
internal sealed class AssumedRoleCredentials : RefreshingAWSCredentials
{
    private const int DurationSeconds = 3600;
    private readonly AwsSession _source;

    public AssumedRoleCredentials(AwsSession source, string roleArn, string sessionName)
    {
        _source = source;
        RoleArn = roleArn;
        SessionName = sessionName;
        PreemptExpiryTime = TimeSpan.FromMinutes(5);
    }

    public string RoleArn { get; }

    public string SessionName { get; }

    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        using var sts = AwsSdkClientFactory.CreateSts(_source);
        var response = await AwsSdkCall.RunAsync(_source, AwsSdkClientFactory.Sts, "AssumeRole",
            ct => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = RoleArn, RoleSessionName = SessionName, DurationSeconds = DurationSeconds }, ct),
            CancellationToken.None).ConfigureAwait(false);
        var credentials = response.Credentials;
        var expiration = credentials.Expiration is { } expires ? expires.ToUniversalTime() : DateTime.UtcNow.AddSeconds(DurationSeconds);
        return new CredentialsRefreshState(new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken), expiration);
    }
}
