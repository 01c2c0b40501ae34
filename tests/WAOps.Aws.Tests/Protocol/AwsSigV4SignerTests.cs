using System.Text;
using Amazon.Runtime;
using WAOps.Aws.Protocol;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Services.GuardDuty;
using WAOps.Aws.Services.Rds;
using WAOps.Aws.Services.ResourceGroupsTagging;
using WAOps.Aws.Session;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

/// <summary>
/// WAOps' own SigV4 for root POSTs signs exactly what AWSSDK.Core's signer signs: the same URL, headers and
/// Authorization at the same instant, for every protocol shape that reaches it. (That moto accepts the result is
/// proven in <see cref="SigningTests"/>.)
/// </summary>
public class AwsSigV4SignerTests
{
    private static readonly ImmutableCredentials Key = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly ImmutableCredentials TemporaryKey = new("ASIAEXAMPLE", "secret/with+chars", "FwoGZXIvYXdzEBYaDH//session==token");
    private static readonly DateTime Instant = new(2026, 11, 26, 10, 40, 5, DateTimeKind.Utc);

    private static ResolvedEndpoint Endpoint(string url, string region = "us-east-1") => new(new Uri(url), region, EndpointSource.Parameter);

    private static AwsHttpRequest Json(string target, string body, string contentType = "application/x-amz-json-1.1")
    {
        var request = new AwsHttpRequest(target, HttpMethod.Post, "/", Encoding.UTF8.GetBytes(body));
        request.Headers["Content-Type"] = contentType;
        request.Headers["X-Amz-Target"] = target;
        return request;
    }

    private static void AssertSignsAsCore(AwsServiceDescriptor service, ResolvedEndpoint endpoint, AwsHttpRequest request, ImmutableCredentials credentials, DateTime at)
    {
        Assert.True(AwsSigV4Signer.Handles(endpoint, request));
        var (coreUrl, coreHeaders) = AwsRequestSigner.SignWithCore(service, endpoint, request, credentials, at);
        var (url, headers) = AwsSigV4Signer.Sign(service, endpoint, request, credentials, at);
        Assert.Equal(coreUrl.AbsoluteUri, url.AbsoluteUri);
        Assert.Equal(
            coreHeaders.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => $"{h.Key.ToLowerInvariant()}: {h.Value}"),
            headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => $"{h.Key.ToLowerInvariant()}: {h.Value}"));
        Assert.Contains(headers, h => h.Key == "Authorization" && h.Value.StartsWith("AWS4-HMAC-SHA256 Credential=" + credentials.AccessKey + "/", StringComparison.Ordinal));
    }

    [Fact]
    public void AwsJsonPagesAreSignedAsCoreSignsThem()
    {
        var endpoint = Endpoint("http://127.0.0.1:5599/");
        AssertSignsAsCore(ResourceGroupsTaggingClient.Descriptor, endpoint,
            Json("ResourceGroupsTaggingAPI_20170126.GetResources", """{"PaginationToken":"abc/+=","ResourcesPerPage":100}"""), Key, Instant);
        AssertSignsAsCore(ResourceGroupsTaggingClient.Descriptor, endpoint,
            Json("ResourceGroupsTaggingAPI_20170126.GetResources", """{"ResourcesPerPage":100}"""), TemporaryKey, Instant);
    }

    [Fact]
    public void AQueryCompatibleJsonServiceAndAnAwsQueryFormAreSignedAsCoreSignsThem()
    {
        var endpoint = Endpoint("https://monitoring.eu-west-1.amazonaws.com/", "eu-west-1");
        var cloudWatch = Json("GraniteServiceVersion20100801.ListDashboards", "{}", "application/x-amz-json-1.0");
        cloudWatch.Headers["x-amzn-query-mode"] = "true";
        AssertSignsAsCore(CloudWatchClient.Descriptor, endpoint, cloudWatch, TemporaryKey, Instant);

        var form = new AwsHttpRequest("DescribeDBInstances", HttpMethod.Post, "/", Encoding.UTF8.GetBytes("Action=DescribeDBInstances&Version=2014-10-31&Marker=a%2Bb"));
        form.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
        AssertSignsAsCore(RdsClient.Descriptor, Endpoint("https://rds.ap-southeast-2.amazonaws.com:8443/", "ap-southeast-2"), form, Key, Instant);
    }

    [Fact]
    public void HeaderValuesAreTrimmedAndTheirInnerSpacesFoldedAsCoreDoes()
    {
        var request = Json("  ResourceGroupsTaggingAPI_20170126.GetResources  ", "{}");
        request.Headers["X-Custom"] = " a   b  c ";
        AssertSignsAsCore(ResourceGroupsTaggingClient.Descriptor, Endpoint("http://localhost:4566/"), request, Key, Instant);
    }

    [Fact]
    public void LongAndNonAsciiValuesAreSignedAsCoreSignsThem()
    {
        // Longer than the signer's first buffer, so it grows while writing the canonical request.
        var request = Json("ResourceGroupsTaggingAPI_20170126.GetResources", "{\"PaginationToken\":\"" + new string('t', 6000) + "\"}");
        request.Headers["X-Long"] = string.Join("  ", Enumerable.Range(0, 900).Select(i => $"v{i}"));
        request.Headers["X-Text"] = "café ☕";
        AssertSignsAsCore(ResourceGroupsTaggingClient.Descriptor, Endpoint("http://127.0.0.1:5599/"), request, TemporaryKey, Instant);
        AssertSignsAsCore(ResourceGroupsTaggingClient.Descriptor, Endpoint("http://127.0.0.1:5599/"), Json("ResourceGroupsTaggingAPI_20170126.GetResources", "{}"), Key, Instant);
    }

    [Fact]
    public void AnEmptyBodyIsSignedAsCoreSignsIt()
    {
        var request = new AwsHttpRequest("GetCallerIdentity", HttpMethod.Post, "/");
        AssertSignsAsCore(ResourceGroupsTaggingClient.Descriptor, Endpoint("http://127.0.0.1:5599/"), request, Key, Instant);
    }

    [Fact]
    public void TheKeyOfAnotherDayRegionOrSecretIsNotReused()
    {
        var request = Json("ResourceGroupsTaggingAPI_20170126.GetResources", "{}");
        AssertSignsAsCore(ResourceGroupsTaggingClient.Descriptor, Endpoint("http://127.0.0.1:5599/"), request, Key, Instant);
        AssertSignsAsCore(ResourceGroupsTaggingClient.Descriptor, Endpoint("http://127.0.0.1:5599/"), request, Key, Instant.AddDays(1));
        AssertSignsAsCore(ResourceGroupsTaggingClient.Descriptor, Endpoint("http://127.0.0.1:5599/", "eu-west-1"), request, Key, Instant.AddDays(1));
        AssertSignsAsCore(ResourceGroupsTaggingClient.Descriptor, Endpoint("http://127.0.0.1:5599/", "eu-west-1"), request, TemporaryKey, Instant.AddDays(1));
        AssertSignsAsCore(ResourceGroupsTaggingClient.Descriptor, Endpoint("http://127.0.0.1:5599/"), request, Key, Instant);
    }

    [Fact]
    public void RequestsWithAPathOrQueryStringStayWithCore()
    {
        var endpoint = Endpoint("http://127.0.0.1:5599/");
        var get = new AwsHttpRequest("ListDetectors", HttpMethod.Get, "/detector");
        Assert.False(AwsSigV4Signer.Handles(endpoint, get));
        var post = new AwsHttpRequest("CreateDetector", HttpMethod.Post, "/detector", Encoding.UTF8.GetBytes("{}"));
        Assert.False(AwsSigV4Signer.Handles(endpoint, post));
        var query = new AwsHttpRequest("X", HttpMethod.Post, "/");
        query.QueryParameters["a"] = "b";
        Assert.False(AwsSigV4Signer.Handles(endpoint, query));
        Assert.False(AwsSigV4Signer.Handles(Endpoint("http://127.0.0.1:5599/prefix/"), new AwsHttpRequest("X", HttpMethod.Post, "/")));

        // And through the dispatcher they are signed by Core: a path segment is encoded into the URL.
        var (url, _) = AwsRequestSigner.Sign(GuardDutyClient.Descriptor, endpoint, new AwsHttpRequest("ListFindings", HttpMethod.Post, "/detector/d 1/findings"), Key);
        Assert.Equal("http://127.0.0.1:5599/detector/d%201/findings", url.ToString());
    }
}
