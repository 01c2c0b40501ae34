using WAOps.Aws.Session;

namespace WAOps.Aws.Protocol;

/// <summary>Where a request for one service goes and which region signs it.</summary>
public sealed record ResolvedEndpoint(Uri BaseUri, string SigningRegion, EndpointSource Source);

/// <summary>
/// Resolves a service's endpoint from a session. An override applies to every service: -EndpointUrl first,
/// then AWS_ENDPOINT_URL_&lt;SERVICE&gt;, then AWS_ENDPOINT_URL or the profile's endpoint_url. Without one, the
/// public endpoint of the region's partition. Global services (Budgets, IAM) sign with their home region
/// (us-east-1 in the aws partition) wherever the request goes, as the AWS CLI does.
/// </summary>
public static class AwsEndpointResolver
{
    public static ResolvedEndpoint Resolve(AwsSession session, AwsServiceDescriptor service)
    {
        var signingRegion = SigningRegion(session.Region, service);
        var overrideUrl = OverrideFor(session, service);
        if (overrideUrl is not null)
        {
            return new ResolvedEndpoint(overrideUrl.Value.Url, signingRegion, overrideUrl.Value.Source);
        }

        var suffix = AwsRegionName.DnsSuffix(session.Region);
        var host = service.GlobalRegion is not null && AwsRegionName.Partition(session.Region) == "aws"
            ? service.GlobalHost ?? $"{service.EndpointPrefix}.{suffix}"
            : $"{service.EndpointPrefix}.{signingRegion}.{suffix}";
        return new ResolvedEndpoint(new Uri("https://" + host), signingRegion, EndpointSource.Default);
    }

    /// <summary>The region a global service is signed for; regional services use the session's region.</summary>
    public static string SigningRegion(string sessionRegion, AwsServiceDescriptor service) =>
        service.GlobalRegion is not null && AwsRegionName.Partition(sessionRegion) == "aws" ? service.GlobalRegion : sessionRegion;

    /// <summary>The endpoint an override gives this service, or null for AWS's public endpoint.</summary>
    public static (Uri Url, EndpointSource Source)? OverrideFor(AwsSession session, AwsServiceDescriptor service)
    {
        if (session.Endpoint.Source == EndpointSource.Parameter)
        {
            return (session.Endpoint.Url!, EndpointSource.Parameter);
        }

        var ignoreConfigured = string.Equals(session.Environment.Get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase);
        var variable = "AWS_ENDPOINT_URL_" + service.EndpointEnvironmentSuffix;
        if (!ignoreConfigured && session.Environment.Get(variable) is { } serviceSpecific)
        {
            return (EndpointUrlParser.Parse(serviceSpecific, variable), EndpointSource.ServiceEnvironment);
        }

        return session.Endpoint.Url is null ? null : (session.Endpoint.Url, session.Endpoint.Source);
    }
}
