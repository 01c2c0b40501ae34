using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace WAOps.Aws.Protocol;

/// <summary>
/// Signs a request (SigV4) and composes its URL. POSTs to the endpoint's root without a query string (awsJson,
/// awsQuery) go to <see cref="AwsSigV4Signer"/>; the rest to AWSSDK.Core's signer, with Core's own URL builder, so
/// the canonical request Core signs is exactly the request WAOps sends.
/// </summary>
internal static class AwsRequestSigner
{
    private static readonly AWS4Signer Signer = new();

    internal const string SecurityTokenHeader = "X-Amz-Security-Token";

    /// <summary>
    /// Signing configs per service, endpoint and signing region: a ClientConfig is costly to build (it reads the
    /// environment and the SDK's defaults), and a scan signs thousands of requests with the same few.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Service, Uri Endpoint, string Region), SigningConfig> Configs = new();

    public static (Uri Url, IDictionary<string, string> Headers) Sign(
        AwsServiceDescriptor service,
        ResolvedEndpoint endpoint,
        AwsHttpRequest request,
        ImmutableCredentials credentials)
    {
        // The time Core's own signing would use (corrected for a clock skew Core has learned of, if any).
        var signedAt = CorrectClockSkew.GetCorrectedUtcNowForEndpoint(endpoint.BaseUri.ToString());
        return AwsSigV4Signer.Handles(endpoint, request)
            ? AwsSigV4Signer.Sign(service, endpoint, request, credentials, signedAt)
            : SignWithCore(service, endpoint, request, credentials, signedAt);
    }

    /// <summary>Core's signing at a given instant: requests with a path or query string, and the reference a test holds <see cref="AwsSigV4Signer"/> to.</summary>
    internal static (Uri Url, IDictionary<string, string> Headers) SignWithCore(
        AwsServiceDescriptor service,
        ResolvedEndpoint endpoint,
        AwsHttpRequest request,
        ImmutableCredentials credentials,
        DateTime signedAt)
    {
        var core = new DefaultRequest(SignedRequestMarker.Instance, service.ServiceId)
        {
            HttpMethod = request.Method.Method,
            Endpoint = endpoint.BaseUri,
            ResourcePath = request.ResourcePath,
            AuthenticationRegion = endpoint.SigningRegion,
            OverrideSigningServiceName = service.EffectiveSigningName,
            Content = request.Body,
            UseQueryString = true,
        };
        foreach (var header in request.Headers)
        {
            core.Headers[header.Key] = header.Value;
        }

        foreach (var parameter in request.QueryParameters)
        {
            core.Parameters[parameter.Key] = parameter.Value;
        }

        // AWSSDK's own pipeline adds the session token before it signs; WAOps calls the signer directly, so the
        // token goes in here, signed with the rest. Without it AWS refuses temporary credentials (assumed roles,
        // SSO, instance and container roles: every SSM Automation run) as InvalidClientTokenId.
        if (!string.IsNullOrEmpty(credentials.Token))
        {
            core.Headers[SecurityTokenHeader] = credentials.Token;
        }

        var config = Configs.GetOrAdd((service.ServiceId, endpoint.BaseUri, endpoint.SigningRegion), _ => SigningConfig.For(service, endpoint));
        var signed = Signer.SignRequest(core, config, null, credentials.AccessKey, credentials.SecretKey, signedAt);
        core.Headers["Authorization"] = signed.ForAuthorizationHeader;
        return (AmazonServiceClient.ComposeUrl(core), core.Headers);
    }

    /// <summary>Core's signer reads a few settings from a client config; this one carries just those.</summary>
    private sealed class SigningConfig : ClientConfig
    {
        private static readonly DefaultConfigurationProvider Defaults = new(new[]
        {
            new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard },
        });

        private readonly string _signingName;
        private readonly string _apiVersion;

        private SigningConfig(AwsServiceDescriptor service, ResolvedEndpoint endpoint)
            : base(Defaults)
        {
            _signingName = service.EffectiveSigningName;
            _apiVersion = service.ApiVersion;
            ServiceURL = endpoint.BaseUri.ToString();
            AuthenticationRegion = endpoint.SigningRegion;
            AuthenticationServiceName = service.EffectiveSigningName;
        }

        public override string RegionEndpointServiceName => _signingName;

        public override string ServiceVersion => _apiVersion;

        public override string UserAgent => AwsUserAgent.Value;

        public static SigningConfig For(AwsServiceDescriptor service, ResolvedEndpoint endpoint) => new(service, endpoint);

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new(ServiceURL);
    }

    /// <summary>Core's request type wants an originating SDK request object; WAOps' requests are not SDK requests.</summary>
    private sealed class SignedRequestMarker : AmazonWebServiceRequest
    {
        public static readonly SignedRequestMarker Instance = new();
    }
}
