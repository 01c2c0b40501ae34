namespace WAOps.Aws.Protocol;

/// <summary>A request as a protocol client frames it, before signing: method, path, query, headers, body.</summary>
public sealed class AwsHttpRequest
{
    public AwsHttpRequest(string operation, HttpMethod method, string resourcePath = "/", byte[]? body = null)
    {
        Operation = operation;
        Method = method;
        ResourcePath = resourcePath;
        Body = body;
    }

    public string Operation { get; }

    public HttpMethod Method { get; }

    public string ResourcePath { get; }

    public byte[]? Body { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> QueryParameters { get; } = new(StringComparer.Ordinal);
}

/// <summary>A response as received: status, headers (case-insensitive) and the whole body.</summary>
public sealed class AwsHttpResponse
{
    private static readonly string[] RequestIdHeaders = { "x-amzn-RequestId", "x-amz-request-id", "x-amzn-request-id" };

    public AwsHttpResponse(int statusCode, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
    }

    public int StatusCode { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public byte[] Body { get; }

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>The first request id header present (read for every attempt's report, so a plain loop).</summary>
    public string? RequestId
    {
        get
        {
            foreach (var name in RequestIdHeaders)
            {
                if (Headers.TryGetValue(name, out var value))
                {
                    return value;
                }
            }

            return null;
        }
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
