using Microsoft.AspNetCore.Http;

namespace WAOps.Aws.Tests.Support;

/// <summary>The faults the proxy can inject in place of forwarding a request.</summary>
public enum InjectedFault
{
    None,

    /// <summary>The protocol's own throttling answer (awsJson, awsQuery, restJson, EC2 shapes).</summary>
    Throttle,
    Http500,
    Http503,

    /// <summary>The connection is dropped without an answer.</summary>
    ConnectionReset,

    /// <summary>Forwarded after a delay.</summary>
    Slow,

    /// <summary>
    /// Forwarded (so the request takes effect) and then the connection is dropped before the answer: the
    /// client cannot know its write happened. Retrying writers must not duplicate the side effect.
    /// </summary>
    ResetAfterForward,
}

/// <summary>
/// Sits between WAOps and moto. For each request a policy decides whether to forward it or to answer with a
/// fault in the wire shape of the request's protocol, so retry handling is tested against real moto
/// behaviour for every request that does get through.
/// </summary>
public sealed class FaultInjectingProxy : LoopbackHttpServer
{
    private static readonly HttpClient Forwarder = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private readonly Uri _target;
    private readonly Func<int, CapturedRequest, InjectedFault> _policy;
    private int _count;
    private int _faults;

    public FaultInjectingProxy(Uri target, Func<int, CapturedRequest, InjectedFault> policy)
    {
        _target = target;
        _policy = policy;
    }

    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Rewrites forwarded answers into states moto never produces (target health, say): given the request and moto's
    /// answer body, returns the body AWS would send instead, or null to pass moto's on unchanged.
    /// </summary>
    public Func<CapturedRequest, string, string?>? RewriteAnswer { get; init; }

    public int RequestCount => Volatile.Read(ref _count);

    public int FaultCount => Volatile.Read(ref _faults);

    /// <summary>How many requests met each fault (None counts plain forwards).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<InjectedFault, int> FaultCounts { get; } = new();

    /// <summary>Throttles the first <paramref name="count"/> requests, then forwards everything.</summary>
    public static Func<int, CapturedRequest, InjectedFault> FirstN(int count, InjectedFault fault) =>
        (n, _) => n <= count ? fault : InjectedFault.None;

    public static Func<int, CapturedRequest, InjectedFault> Always(InjectedFault fault) => (_, _) => fault;

    /// <summary>Injects one of <paramref name="faults"/> into a share <paramref name="rate"/> of requests, reproducibly from <paramref name="seed"/>.</summary>
    public static Func<int, CapturedRequest, InjectedFault> AtRate(double rate, int seed, params InjectedFault[] faults)
    {
        var random = new Random(seed);
        var gate = new object();
        return (_, _) =>
        {
            lock (gate)
            {
                return random.NextDouble() < rate ? faults[random.Next(faults.Length)] : InjectedFault.None;
            }
        };
    }

    protected override async Task HandleAsync(HttpContext context, byte[] body)
    {
        var number = Interlocked.Increment(ref _count);
        var captured = Capture(context, body);
        var fault = _policy(number, captured);
        if (fault is not InjectedFault.None and not InjectedFault.Slow)
        {
            Interlocked.Increment(ref _faults);
        }

        FaultCounts.AddOrUpdate(fault, 1, static (_, n) => n + 1);

        switch (fault)
        {
            case InjectedFault.Throttle:
                await ThrottleAsync(context, captured).ConfigureAwait(false);
                return;
            case InjectedFault.Http500:
                await RespondAsync(context, 500, "text/plain", "Internal Server Error").ConfigureAwait(false);
                return;
            case InjectedFault.Http503:
                await RespondAsync(context, 503, "text/plain", "Service Unavailable").ConfigureAwait(false);
                return;
            case InjectedFault.ConnectionReset:
                context.Abort();
                return;
            case InjectedFault.Slow:
                await Task.Delay(SlowDelay).ConfigureAwait(false);
                break;
            case InjectedFault.ResetAfterForward:
                await ForwardOnlyAsync(captured).ConfigureAwait(false);
                context.Abort();
                return;
        }

        await ForwardAsync(context, captured).ConfigureAwait(false);
    }

    private async Task ForwardOnlyAsync(CapturedRequest request)
    {
        using var message = BuildForward(request);
        using var response = await Forwarder.SendAsync(message).ConfigureAwait(false);
        _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
    }

    private async Task ForwardAsync(HttpContext context, CapturedRequest request)
    {
        using var message = BuildForward(request);
        using var response = await Forwarder.SendAsync(message).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if (RewriteAnswer?.Invoke(request, System.Text.Encoding.UTF8.GetString(bytes)) is { } rewritten)
        {
            bytes = System.Text.Encoding.UTF8.GetBytes(rewritten);
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            context.Response.Headers[header.Key] = string.Join(",", header.Value);
        }

        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }

    private HttpRequestMessage BuildForward(CapturedRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_target, request.PathAndQuery));
        if (request.Body.Length > 0 || request.Method is "POST" or "PUT")
        {
            message.Content = new ByteArrayContent(request.Body);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (name is "host" or "content-length" or "connection" or "expect" or "transfer-encoding")
            {
                continue;
            }

            if (name.StartsWith("content-", StringComparison.Ordinal))
            {
                message.Content ??= new ByteArrayContent(Array.Empty<byte>());
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        // moto routes and checks signatures by the Host the client signed; keep it.
        message.Headers.Host = request.Header("host");
        return message;
    }

    private static Task ThrottleAsync(HttpContext context, CapturedRequest request)
    {
        var contentType = request.Header("content-type") ?? string.Empty;
        if (contentType.StartsWith("application/x-amz-json", StringComparison.Ordinal))
        {
            // awsJson; query-compatible services (CloudWatch, SQS) also name the query code in a header.
            var headers = request.Header("x-amzn-query-mode") == "true"
                ? new Dictionary<string, string> { ["x-amzn-query-error"] = "Throttling;Sender" }
                : null;
            return RespondAsync(context, 400, contentType, "{\"__type\":\"com.amazon.coral.availability#ThrottlingException\",\"message\":\"Rate exceeded\"}", headers);
        }

        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal))
        {
            if (request.BodyText.Contains("Version=2016-11-15", StringComparison.Ordinal))
            {
                return RespondAsync(context, 503, "text/xml",
                    "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>fault</RequestID></Response>");
            }

            return RespondAsync(context, 400, "text/xml",
                "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>fault</RequestId></ErrorResponse>");
        }

        return RespondAsync(context, 429, "application/json", "{\"message\":\"Too Many Requests\"}",
            new Dictionary<string, string> { ["x-amzn-ErrorType"] = "TooManyRequestsException" });
    }
}
