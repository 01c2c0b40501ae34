using System.Collections.Concurrent;
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
        var key = KeyFor(credentials.SecretKey, amzDate.AsSpan(0, 8), endpoint.SigningRegion, service.EffectiveSigningName);

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
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(request.Body ?? Array.Empty<byte>(), hash);
        var payloadHash = LowerHex(hash);
        headers["X-Amz-Content-SHA256"] = payloadHash;

        // Canonical headers: names in lower case, sorted; values trimmed with inner runs of spaces made one.
        var names = new string[headers.Count];
        var at = 0;
        foreach (var name in headers.Keys)
        {
            names[at++] = LowerCaseNames.GetOrAdd(name, static n => n.ToLowerInvariant());
        }

        Array.Sort(names, StringComparer.Ordinal);
        var signedHeaders = string.Join(';', names);

        // The canonical request and the string to sign are written as UTF-8 into the thread's buffer and hashed
        // there: a listing signs a request per page, and strings of them would be garbage at once.
        var text = (_text ??= new Utf8Text()).Clear();
        text.Append("POST\n/\n\n");
        foreach (var name in names)
        {
            text.Append(name).Append(':').AppendCompressed(headers[name]).Append('\n');
        }

        text.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        SHA256.HashData(text.Written, hash);

        text.Clear().Append(Algorithm).Append('\n').Append(amzDate).Append('\n').Append(key.Scope).Append('\n').Append(LowerHex(hash));
        HMACSHA256.HashData(key.Key, text.Written, hash);

        headers["Authorization"] = string.Concat(
            $"{Algorithm} Credential={credentials.AccessKey}/{key.Scope}, SignedHeaders={signedHeaders}, Signature=",
            LowerHex(hash));
        return (endpoint.BaseUri, headers);
    }

    [ThreadStatic]
    private static Utf8Text? _text;

    // Header names repeat on every request; each is lower-cased once.
    private static readonly ConcurrentDictionary<string, string> LowerCaseNames = new(StringComparer.Ordinal);

    private static SigningKey KeyFor(string secretKey, ReadOnlySpan<char> date, string region, string service)
    {
        var last = _lastKey;
        if (last is not null && ReferenceEquals(last.Secret, secretKey) && date.SequenceEqual(last.Date) && last.Region == region && last.Service == service)
        {
            return last;
        }

        var day = date.ToString();
        var key = new SigningKey(secretKey, day, region, service, AWS4Signer.ComposeSigningKey(secretKey, region, day, service), $"{day}/{region}/{service}/aws4_request");
        _lastKey = key;
        return key;
    }

    private static string LowerHex(ReadOnlySpan<byte> bytes) => string.Create(bytes.Length * 2, bytes.ToArray(), static (chars, value) =>
    {
        for (var i = 0; i < value.Length; i++)
        {
            chars[2 * i] = HexDigits[value[i] >> 4];
            chars[(2 * i) + 1] = HexDigits[value[i] & 0xF];
        }
    });

    private const string HexDigits = "0123456789abcdef";

    /// <summary>UTF-8 text written into a buffer of its own, which grows when it must; one per thread, reused.</summary>
    private sealed class Utf8Text
    {
        private byte[] _buffer = new byte[2048];
        private int _length;

        public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

        public Utf8Text Clear()
        {
            _length = 0;
            return this;
        }

        public Utf8Text Append(char c)
        {
            if (c >= 0x80)
            {
                return Append(c.ToString());
            }

            Ensure(1);
            _buffer[_length++] = (byte)c;
            return this;
        }

        public Utf8Text Append(string text) => Append(text.AsSpan());

        public Utf8Text Append(ReadOnlySpan<char> text)
        {
            Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
            _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
            return this;
        }

        /// <summary>The value trimmed, each inner run of spaces written as one.</summary>
        public Utf8Text AppendCompressed(string value)
        {
            var rest = value.AsSpan().Trim();
            while (!rest.IsEmpty)
            {
                var space = rest.IndexOf(' ');
                if (space < 0)
                {
                    return Append(rest);
                }

                Append(rest[..(space + 1)]);
                rest = rest[(space + 1)..].TrimStart(' ');
            }

            return this;
        }

        private void Ensure(int more)
        {
            if (_length + more > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
            }
        }
    }

    private sealed record SigningKey(string Secret, string Date, string Region, string Service, byte[] Key, string Scope);
}
