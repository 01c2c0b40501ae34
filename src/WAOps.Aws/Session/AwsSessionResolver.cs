using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using WAOps.Aws.Protocol;
using WAOps.Engine.Errors;

namespace WAOps.Aws.Session;

/// <summary>
/// Turns an <see cref="AwsSessionRequest"/> into an <see cref="AwsSession"/> the way AWS Tools for PowerShell
/// does. Credentials: explicit keys, named profile (missing is an error, never a fallback), -Credential,
/// $StoredAWSCredentials, environment, default profile, container role, instance role. Region: -Region,
/// $StoredAWSRegion, profile, AWS_REGION / AWS_DEFAULT_REGION, instance metadata. Endpoint: -EndpointUrl,
/// AWS_ENDPOINT_URL (per-service variables are applied per call), profile endpoint_url.
/// Each decision is reported through <c>trace</c> (the cmdlet's -Verbose); no secret is ever written there.
/// </summary>
public static class AwsSessionResolver
{
    private static readonly TimeSpan MetadataProbeTimeout = TimeSpan.FromSeconds(2);

    public static AwsSession Resolve(AwsSessionRequest request, AwsCallOptions? callOptions = null, Action<string>? trace = null)
    {
        trace ??= static _ => { };
        var env = request.Environment;
        var profiles = OpenProfileStore(request.ProfileLocation);

        var (credentials, credentialSource, credentialDetail, credentialProfile) = ResolveCredentials(request, env, profiles);
        trace($"Credentials: {credentialSource} ({credentialDetail}).");

        // The default profile is read only when the region or the endpoint can still come from it: reading it costs
        // a cold process about 40 ms of AWSSDK.Core's profile machinery, which a call with -Region and -EndpointUrl
        // never needs. The session names a profile only when something was taken from it.
        var regionProfile = new Lazy<CredentialProfile?>(() => credentialProfile ?? TryDefaultProfile(env, profiles, throwIfNamedMissing: false));
        var (region, regionSource, regionDetail) = ResolveRegion(request, env, regionProfile);
        trace($"Region: {region} from {regionDetail}.");

        var endpoint = ResolveEndpoint(request, env, regionProfile);
        trace(endpoint.Url is null
            ? "Endpoint: AWS public endpoints for each service."
            : $"Endpoint: every service at {endpoint.Url} ({endpoint.Source}).");

        var profileName = credentialProfile?.Name ?? (regionProfile.IsValueCreated ? regionProfile.Value?.Name : null);
        return new AwsSession(credentials, credentialSource, credentialDetail, region, regionSource, endpoint,
            profileName, env, callOptions ?? AwsCallOptions.Default);
    }

    /// <summary>
    /// The region a session would be in, for work that calls no AWS service (judging templates, where it is what
    /// AWS::Region stands for): -Region, $StoredAWSRegion, the profile (-ProfileName, else AWS_PROFILE or the default
    /// one), AWS_REGION / AWS_DEFAULT_REGION, without credentials or instance metadata; <paramref name="fallback"/>
    /// when none is set. Says where it came from to <paramref name="trace"/>.
    /// </summary>
    public static string ResolveRegionWithoutCredentials(AwsSessionRequest request, string fallback, Action<string>? trace = null)
    {
        var env = request.Environment;
        var profiles = new Lazy<CredentialProfileStoreChain>(() => OpenProfileStore(request.ProfileLocation));
        var profile = new Lazy<CredentialProfile?>(() => string.IsNullOrWhiteSpace(request.ProfileName)
            ? TryDefaultProfile(env, profiles.Value, throwIfNamedMissing: false)
            : FindProfile(profiles.Value, request.ProfileName!));
        var nothingSet = string.IsNullOrWhiteSpace(request.Region) && string.IsNullOrWhiteSpace(request.StoredRegion) && profile.Value?.Region is null
            && env.Get("AWS_REGION") is null && env.Get("AWS_DEFAULT_REGION") is null;
        if (nothingSet)
        {
            trace?.Invoke($"Region: {fallback} (none was given or set).");
            return fallback;
        }

        // Something is set, so the chain stops before instance metadata.
        var (region, _, detail) = ResolveRegion(request, env, profile);
        trace?.Invoke($"Region: {region} from {detail}.");
        return region;
    }

    private static CredentialProfileStoreChain OpenProfileStore(string? profileLocation) =>
        string.IsNullOrWhiteSpace(profileLocation) ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(profileLocation);

    private static string DescribeLocation(CredentialProfileStoreChain profiles) =>
        string.IsNullOrEmpty(profiles.ProfilesLocation) ? "the shared credentials and config files" : profiles.ProfilesLocation;

    private static (AWSCredentials, CredentialSource, string, CredentialProfile?) ResolveCredentials(
        AwsSessionRequest request, IEnvironmentReader env, CredentialProfileStoreChain profiles)
    {
        if (!string.IsNullOrEmpty(request.AccessKey) || !string.IsNullOrEmpty(request.SecretKey))
        {
            var keys = RequireBothKeys(request.AccessKey, request.SecretKey, request.SessionToken, "-AccessKey and -SecretKey");
            return (keys, CredentialSource.ExplicitKeys, $"-AccessKey {CredentialText.MaskAccessKey(request.AccessKey)}", null);
        }

        if (!string.IsNullOrWhiteSpace(request.ProfileName))
        {
            var profile = FindProfile(profiles, request.ProfileName!)
                ?? throw new WAOpsException(
                    SessionErrorIds.ProfileNotFound,
                    ErrorKind.ObjectNotFound,
                    $"The profile '{request.ProfileName}' was not found in {DescribeLocation(profiles)}.",
                    request.ProfileName)
                {
                    RecommendedAction = "Check the name with Get-Content ~/.aws/config, or pass -ProfileLocation for another credentials file.",
                };
            return (ProfileCredentials(profiles, profile), CredentialSource.NamedProfile,
                $"profile '{profile.Name}' in {DescribeLocation(profiles)}", profile);
        }

        if (request.Credential is not null)
        {
            var adapted = ForeignCredentialAdapter.Adapt(request.Credential, "-Credential");
            return (adapted, CredentialSource.CredentialParameter, $"-Credential of type {request.Credential.GetType().Name}", null);
        }

        if (request.StoredCredentials is not null)
        {
            var adapted = ForeignCredentialAdapter.Adapt(request.StoredCredentials, "$StoredAWSCredentials");
            return (adapted, CredentialSource.StoredCredentials, "$StoredAWSCredentials", null);
        }

        var envAccessKey = env.Get("AWS_ACCESS_KEY_ID");
        var envSecretKey = env.Get("AWS_SECRET_ACCESS_KEY") ?? env.Get("AWS_SECRET_KEY");
        if (envAccessKey is not null || envSecretKey is not null)
        {
            var keys = RequireBothKeys(envAccessKey, envSecretKey, env.Get("AWS_SESSION_TOKEN"), "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
            return (keys, CredentialSource.Environment, $"AWS_ACCESS_KEY_ID {CredentialText.MaskAccessKey(envAccessKey)}", null);
        }

        var defaultProfile = TryDefaultProfile(env, profiles, throwIfNamedMissing: true);
        if (defaultProfile is not null)
        {
            return (ProfileCredentials(profiles, defaultProfile), CredentialSource.DefaultProfile,
                $"profile '{defaultProfile.Name}' in {DescribeLocation(profiles)}", defaultProfile);
        }

        if (env.Get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") is not null || env.Get("AWS_CONTAINER_CREDENTIALS_FULL_URI") is not null)
        {
            return (new GenericContainerCredentials(), CredentialSource.ContainerRole, "the container credentials endpoint", null);
        }

        if (!MetadataDisabled(env) && TryInstanceRole() is { } instanceCredentials)
        {
            return (instanceCredentials, CredentialSource.InstanceRole, "the EC2 instance role", null);
        }

        throw new WAOpsException(
            SessionErrorIds.NoCredentials,
            ErrorKind.AuthenticationError,
            "No AWS credentials were found. Looked at -AccessKey/-SecretKey, -ProfileName, -Credential, $StoredAWSCredentials, "
            + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, the default profile, the container credentials endpoint"
            + (MetadataDisabled(env) ? " (instance metadata is disabled by AWS_EC2_METADATA_DISABLED)." : " and the EC2 instance role."))
        {
            RecommendedAction = "Pass -ProfileName, or set credentials with Set-AWSCredential, environment variables or a default profile.",
        };
    }

    private static AWSCredentials RequireBothKeys(string? accessKey, string? secretKey, string? sessionToken, string what)
    {
        if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
        {
            throw new WAOpsException(
                SessionErrorIds.IncompleteCredentials,
                ErrorKind.InvalidArgument,
                $"Both {what} are needed; only one was given.");
        }

        return string.IsNullOrEmpty(sessionToken)
            ? new BasicAWSCredentials(accessKey, secretKey)
            : new SessionAWSCredentials(accessKey, secretKey, sessionToken);
    }

    private static CredentialProfile? FindProfile(CredentialProfileStoreChain profiles, string name) =>
        profiles.TryGetProfile(name, out var profile) ? profile : null;

    private static CredentialProfile? TryDefaultProfile(IEnvironmentReader env, CredentialProfileStoreChain profiles, bool throwIfNamedMissing)
    {
        var named = env.Get("AWS_PROFILE");
        var profile = FindProfile(profiles, named ?? SharedCredentialsFile.DefaultProfileName);
        if (profile is null && named is not null && throwIfNamedMissing)
        {
            throw new WAOpsException(
                SessionErrorIds.ProfileNotFound,
                ErrorKind.ObjectNotFound,
                $"The profile '{named}' named by AWS_PROFILE was not found in {DescribeLocation(profiles)}.",
                named);
        }

        return profile;
    }

    private static AWSCredentials ProfileCredentials(CredentialProfileStoreChain profiles, CredentialProfile profile)
    {
        try
        {
            if (profiles.TryGetAWSCredentials(profile.Name, out var credentials) && credentials is not null)
            {
                return credentials;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new WAOpsException(
                SessionErrorIds.ProfileUnusable,
                ErrorKind.InvalidData,
                $"The profile '{profile.Name}' cannot give credentials: {ex.Message}",
                profile.Name,
                ex);
        }

        throw new WAOpsException(
            SessionErrorIds.ProfileUnusable,
            ErrorKind.InvalidData,
            $"The profile '{profile.Name}' has no usable credentials (no keys, role, SSO or credential_process).",
            profile.Name);
    }

    private static bool MetadataDisabled(IEnvironmentReader env) =>
        string.Equals(env.Get("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase);

    private static AWSCredentials? TryInstanceRole()
    {
        // Off EC2 the metadata service does not answer; bound the probe instead of waiting for the SDK's timeouts.
        var probe = Task.Run(() =>
        {
            var credentials = new InstanceProfileAWSCredentials();
            credentials.GetCredentials();
            return (AWSCredentials)credentials;
        });
        try
        {
            return probe.Wait(MetadataProbeTimeout) ? probe.Result : null;
        }
        catch (AggregateException)
        {
            return null;
        }
    }

    private static (string, RegionSource, string) ResolveRegion(AwsSessionRequest request, IEnvironmentReader env, Lazy<CredentialProfile?> configured)
    {
        if (!string.IsNullOrWhiteSpace(request.Region))
        {
            return (AwsRegionName.Validate(request.Region!, "-Region"), RegionSource.Parameter, "-Region");
        }

        if (!string.IsNullOrWhiteSpace(request.StoredRegion))
        {
            return (AwsRegionName.Validate(request.StoredRegion!, "$StoredAWSRegion"), RegionSource.StoredRegion, "$StoredAWSRegion");
        }

        if (configured.Value is { Region: { } profileRegion } profile)
        {
            return (AwsRegionName.Validate(profileRegion.SystemName, $"profile '{profile.Name}'"), RegionSource.Profile, $"profile '{profile.Name}'");
        }

        foreach (var variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            if (env.Get(variable) is { } fromEnvironment)
            {
                return (AwsRegionName.Validate(fromEnvironment, variable), RegionSource.Environment, variable);
            }
        }

        if (!MetadataDisabled(env) && TryMetadataRegion() is { } metadataRegion)
        {
            return (AwsRegionName.Validate(metadataRegion, "instance metadata"), RegionSource.InstanceMetadata, "instance metadata");
        }

        throw new WAOpsException(
            SessionErrorIds.NoRegion,
            ErrorKind.InvalidArgument,
            "No AWS region was given or found. Looked at -Region, $StoredAWSRegion, the profile, AWS_REGION/AWS_DEFAULT_REGION"
            + (MetadataDisabled(env) ? "." : " and instance metadata."))
        {
            RecommendedAction = "Pass -Region (for example -Region us-east-1), or set $StoredAWSRegion with Set-DefaultAWSRegion, or AWS_REGION.",
        };
    }

    private static string? TryMetadataRegion()
    {
        var probe = Task.Run(() => Amazon.Util.EC2InstanceMetadata.Region?.SystemName);
        try
        {
            return probe.Wait(MetadataProbeTimeout) ? probe.Result : null;
        }
        catch (AggregateException)
        {
            return null;
        }
    }

    private static EndpointOverride ResolveEndpoint(AwsSessionRequest request, IEnvironmentReader env, Lazy<CredentialProfile?> configured)
    {
        if (!string.IsNullOrWhiteSpace(request.EndpointUrl))
        {
            return new EndpointOverride(EndpointUrlParser.Parse(request.EndpointUrl!, "-EndpointUrl"), EndpointSource.Parameter);
        }

        if (string.Equals(env.Get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return EndpointOverride.None;
        }

        if (env.Get("AWS_ENDPOINT_URL") is { } fromEnvironment)
        {
            return new EndpointOverride(EndpointUrlParser.Parse(fromEnvironment, "AWS_ENDPOINT_URL"), EndpointSource.Environment);
        }

        if (configured.Value is { } profile && !string.IsNullOrWhiteSpace(profile.EndpointUrl))
        {
            return new EndpointOverride(EndpointUrlParser.Parse(profile.EndpointUrl, $"profile '{profile.Name}' endpoint_url"), EndpointSource.Profile);
        }

        return EndpointOverride.None;
    }
}
