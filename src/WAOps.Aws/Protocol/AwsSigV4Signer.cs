using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace WAOps.Aws.Protocol;

/// <summary>
/// SigV4 for the requests WAOps sends by the thousand: a POST to the endpoint's root with no query string
/// (awsJson and awsQuery, every page of a listing). It signs what AWSSDK.Core's signer signs for them (the same
/// headers, canonical request and Authorization: a test compares the two) with the signing key Core derives, but
/// without the request object, credentials object and sorted maps Core builds per call; a page's next request is
/// signed while the listing waits for it. Requests with a path or a query string stay with Core.
/// </summary>
internal static class AwsSigV4Signer
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    // The derived key is the same all day for one secret, region and service; a scan signs with one or two.
    private static SigningKey? _lastKey;

    public static bool Handles(ResolvedEndpoint endpoint, AwsHttpRequest request) =>
        request.Method == HttpMethod.Post
        && request.ResourcePath == "/"
        && request.QueryParameters.Count == 0
        && endpoint.BaseUri.AbsolutePath == "/"
        && endpoint.BaseUri.Query.Length == 0;

    public static (Uri Url, IDictionary<string, string> Headers) Sign(
        AwsServiceDescriptor service,
        ResolvedEndpoint endpoint,
        AwsHttpRequest request,
        ImmutableCredentials credentials,
        DateTime signedAt)
    {
        var amzDate = signedAt.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var region = endpoint.SigningRegion;
        var signingName = service.EffectiveSigningName;

        var headers = new Dictionary<string, string>(request.Headers.Count + 5, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = value;
        }

        // Temporary credentials: the session token is sent and signed, as in Core's path.
        if (!string.IsNullOrEmpty(credentials.Token))
        {
            headers[AwsRequestSigner.SecurityTokenHeader] = credentials.Token;
        }

        headers["host"] = endpoint.BaseUri.Authority;
        headers["X-Amz-Date"] = amzDate;
        var payloadHash = LowerHex(SHA256.HashData(request.Body ?? Array.Empty<byte>()));
        headers["X-Amz-Content-SHA256"] = payloadHash;

        // Canonical headers: names in lower case, sorted; values trimmed with inner runs of spaces made one.
        var names = new string[headers.Count];
        var at = 0;
        foreach (var name in headers.Keys)
        {
            names[at++] = name.ToLowerInvariant();
        }

        Array.Sort(names, StringComparer.Ordinal);
        var signedHeaders = string.Join(';', names);
        var canonical = new StringBuilder(512);
        canonical.Append("POST\n/\n\n");
        foreach (var name in names)
        {
            canonical.Append(name).Append(':');
            AppendCompressed(canonical, headers[name]);
            canonical.Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);

        var scope = $"{date}/{region}/{signingName}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{LowerHex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var signature = LowerHex(HMACSHA256.HashData(KeyFor(credentials.SecretKey, date, region, signingName), Encoding.UTF8.GetBytes(stringToSign)));
        headers["Authorization"] = $"{Algorithm} Credential={credentials.AccessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return (endpoint.BaseUri, headers);
    }

    private static byte[] KeyFor(string secretKey, string date, string region, string service)
    {
        var last = _lastKey;
        if (last is not null && ReferenceEquals(last.Secret, secretKey) && last.Date == date && last.Region == region && last.Service == service)
        {
            return last.Key;
        }

        var key = AWS4Signer.ComposeSigningKey(secretKey, region, date, service);
        _lastKey = new SigningKey(secretKey, date, region, service, key);
        return key;
    }

    private static void AppendCompressed(StringBuilder into, string value)
    {
        var text = value.AsSpan().Trim();
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (!lastWasSpace)
                {
                    into.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            into.Append(c);
            lastWasSpace = false;
        }
    }

    private static string LowerHex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private sealed record SigningKey(string Secret, string Date, string Region, string Service, byte[] Key);
}
