using Amazon.Runtime;
using WAOps.Aws.Protocol;

namespace WAOps.Aws.Session;

/// <summary>
/// A resolved way of reaching AWS: credentials, region and endpoint, plus where each came from.
/// Every WAOps client (protocol clients and official SDK clients alike) is created from a session, so all
/// services share one resolution. Immutable; <see cref="WithRegion"/> and <see cref="WithCallOptions"/> copy.
/// </summary>
public sealed class AwsSession
{
    internal AwsSession(
        AWSCredentials credentials,
        CredentialSource credentialSource,
        string credentialDetail,
        string region,
        RegionSource regionSource,
        EndpointOverride endpoint,
        string? profileName,
        IEnvironmentReader environment,
        AwsCallOptions callOptions)
    {
        Credentials = credentials;
        CredentialSource = credentialSource;
        CredentialDetail = credentialDetail;
        Region = region;
        RegionSource = regionSource;
        Endpoint = endpoint;
        ProfileName = profileName;
        Environment = environment;
        CallOptions = callOptions;
    }

    internal AWSCredentials Credentials { get; }

    public CredentialSource CredentialSource { get; }

    /// <summary>A human description of the credential source (profile name and file, variable names); never a secret.</summary>
    public string CredentialDetail { get; }

    public string Region { get; }

    public RegionSource RegionSource { get; }

    /// <summary>The session-wide endpoint override (-EndpointUrl, AWS_ENDPOINT_URL or the profile's endpoint_url).</summary>
    internal EndpointOverride Endpoint { get; }

    public Uri? EndpointUrl => Endpoint.Url;

    public EndpointSource EndpointSource => Endpoint.Source;

    public string? ProfileName { get; }

    internal IEnvironmentReader Environment { get; }

    public AwsCallOptions CallOptions { get; }

    /// <summary>Attempts per call: AWS_MAX_ATTEMPTS when set (as in the AWS SDKs and CLI), else the call options'.</summary>
    public int MaxAttempts =>
        int.TryParse(Environment.Get("AWS_MAX_ATTEMPTS"), out var fromEnvironment) && fromEnvironment >= 1
            ? fromEnvironment
            : Math.Max(1, CallOptions.Retry.MaxAttempts);

    /// <summary>The same credentials and endpoint, another region (multi-region scans).</summary>
    public AwsSession WithRegion(string region) =>
        string.Equals(region, Region, StringComparison.Ordinal)
            ? this
            : new AwsSession(Credentials, CredentialSource, CredentialDetail, AwsRegionName.Validate(region, "Region"),
                RegionSource.Parameter, Endpoint, ProfileName, Environment, CallOptions);

    /// <summary>The same region, endpoint and call options with other credentials (a role assumed in another account).</summary>
    internal AwsSession WithCredentials(AWSCredentials credentials, CredentialSource source, string detail) =>
        new(credentials, source, detail, Region, RegionSource, Endpoint, null, Environment, CallOptions);

    /// <summary>The same session with other retry settings or another observer (each cmdlet call observes its own calls).</summary>
    public AwsSession WithCallOptions(AwsCallOptions options) =>
        new(Credentials, CredentialSource, CredentialDetail, Region, RegionSource, Endpoint, ProfileName, Environment, options);

    /// <summary>The access key id in use, masked. Resolving it may call STS or SSO for role and SSO profiles.</summary>
    public async Task<string> GetMaskedAccessKeyIdAsync(CancellationToken cancellationToken)
    {
        var immutable = await GetImmutableCredentialsAsync(cancellationToken).ConfigureAwait(false);
        return CredentialText.MaskAccessKey(immutable.AccessKey);
    }

    internal async Task<ImmutableCredentials> GetImmutableCredentialsAsync(CancellationToken cancellationToken)
    {
        // The SDK's credential fetch takes no token; don't let a hung metadata/SSO endpoint outlive Ctrl+C.
        var fetch = Credentials.GetCredentialsAsync();
        var immutable = await fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (immutable is null || string.IsNullOrEmpty(immutable.AccessKey))
        {
            throw new Engine.Errors.WAOpsException(
                SessionErrorIds.NoCredentials,
                Engine.Errors.ErrorKind.AuthenticationError,
                $"The credentials from {CredentialDetail} could not be obtained.");
        }

        return immutable;
    }

    public override string ToString() =>
        $"{Region} via {CredentialSource}" + (Endpoint.Url is null ? string.Empty : $" at {Endpoint.Url}");
}
