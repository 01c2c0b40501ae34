using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace WAOps.Aws.Tests.Support;

/// <summary>One request as it arrived: method, path and query, headers (lower-case names) and body.</summary>
public sealed record CapturedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

/// <summary>
/// Records every request and answers each with a fixed response. Used to compare what WAOps sends with what
/// the AWS CLI sends for the same operation and inputs, where moto lacks the operation.
/// </summary>
public sealed class CapturingEndpoint : LoopbackHttpServer
{
    private readonly int _status;
    private readonly string _contentType;
    private readonly string _body;

    public CapturingEndpoint(int status = 200, string contentType = "application/x-amz-json-1.1", string body = "{}")
    {
        _status = status;
        _contentType = contentType;
        _body = body;
    }

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    protected override Task HandleAsync(HttpContext context, byte[] body)
    {
        Requests.Enqueue(Capture(context, body));
        return RespondAsync(context, _status, _contentType, _body);
    }
}
