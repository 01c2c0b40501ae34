using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using WAOps.Aws.Session;

namespace WAOps.Aws.Protocol;

/// <summary>
/// Sends signed requests over one shared HttpClient and retries throttling and transient failures with
/// exponential backoff and full jitter, within <see cref="RetryOptions.MaxAttempts"/>. Cancellation (Ctrl+C in
/// a cmdlet) stops both an attempt in flight and a backoff wait at once. Each attempt is re-signed, so the
/// signature date is always fresh.
/// </summary>
public static class AwsHttpTransport
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        MaxConnectionsPerServer = 64,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    // Writes go on a fresh connection each: .NET re-sends a request once, unseen, when a reused pooled connection
    // closes before any answer, so a write whose answer was lost after it took effect would meet its own result with
    // WAOps none the wiser. On a fresh connection the loss surfaces here and the retry below knows of it.
    private static readonly HttpClient FreshHttp = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.Zero,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public static async Task<AwsHttpResponse> SendAsync(
        AwsSession session,
        AwsServiceDescriptor service,
        ResolvedEndpoint endpoint,
        AwsHttpRequest request,
        Func<AwsHttpResponse, AwsServiceException> parseError,
        CancellationToken cancellationToken)
    {
        var options = session.CallOptions;
        var maxAttempts = session.MaxAttempts;
        var answerLost = false;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string retryReason;
            var stopwatch = Stopwatch.StartNew();
            try
            {
                var response = await SendOnceAsync(session, service, endpoint, request, options.Retry.AttemptTimeout, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccess)
                {
                    Report(options, service, request, session, attempt, response.StatusCode, null, response.RequestId, stopwatch.Elapsed);
                    return response;
                }

                var error = parseError(response);
                Report(options, service, request, session, attempt, response.StatusCode, error.ErrorCode, error.RequestId, stopwatch.Elapsed);
                if (!error.IsThrottling && !error.IsTransient)
                {
                    // On a retry the count matters: a create refused as a duplicate after an attempt whose
                    // answer was lost means the earlier attempt took effect.
                    throw attempt > 1 ? error.WithAttempts(attempt, answerLost) : error;
                }

                if (attempt >= maxAttempts)
                {
                    throw error.WithAttempts(attempt, answerLost);
                }

                // A server error may have been applied before it was reported; throttling never was.
                answerLost |= !error.IsThrottling;
                retryReason = $"{error.ErrorCode} (HTTP {error.HttpStatus})";
            }
            catch (Exception ex) when (IsConnectionFailure(ex, cancellationToken))
            {
                Report(options, service, request, session, attempt, null, ex.GetType().Name, null, stopwatch.Elapsed);
                if (attempt >= maxAttempts)
                {
                    throw new AwsConnectionException(service.ServiceId, request.Operation, endpoint.BaseUri, attempt, ex);
                }

                answerLost = true;

                retryReason = ex is OperationCanceledException ? "attempt timed out" : ex.GetType().Name + ": " + ex.Message;
            }

            var delay = options.Retry.DelayBefore(attempt + 1, Random.Shared);
            options.Observer.OnRetryScheduled(new AwsRetryRecord(service.ServiceId, request.Operation, attempt + 1, maxAttempts, delay, retryReason));
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsConnectionFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        // A cancelled caller is not a failure to retry; a timed-out attempt is.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException => true,
        IOException => true,
        _ => false,
    };

    private static async Task<AwsHttpResponse> SendOnceAsync(
        AwsSession session,
        AwsServiceDescriptor service,
        ResolvedEndpoint endpoint,
        AwsHttpRequest request,
        TimeSpan attemptTimeout,
        CancellationToken cancellationToken)
    {
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptCts.CancelAfter(attemptTimeout);
        var credentials = await session.GetImmutableCredentialsAsync(attemptCts.Token).ConfigureAwait(false);
        var (url, headers) = AwsRequestSigner.Sign(service, endpoint, request, credentials);

        using var message = ToHttpMessage(request, url, headers);
        var http = AwsOperationNames.IsRead(request.Operation) ? Http : FreshHttp;
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(attemptCts.Token).ConfigureAwait(false);
        return new AwsHttpResponse((int)response.StatusCode, CollectHeaders(response), body);
    }

    /// <summary>
    /// The signed request as .NET sends it: the body, the signed headers (Content-* on the content; Host and
    /// Content-Length left to .NET, which writes them) and WAOps' User-Agent.
    /// </summary>
    internal static HttpRequestMessage ToHttpMessage(AwsHttpRequest request, Uri url, IDictionary<string, string> headers)
    {
        var message = new HttpRequestMessage(request.Method, url);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
        }

        foreach (var (name, value) in headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                message.Content ??= new ByteArrayContent(Array.Empty<byte>());
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Headers.UserAgent.Clear();
        message.Headers.TryAddWithoutValidation("User-Agent", AwsUserAgent.Value);
        return message;
    }

    private static Dictionary<string, string> CollectHeaders(HttpResponseMessage response)
    {
        // As received, not parsed: WAOps reads a few single-valued headers (request id, error type), and the
        // typed parse of every header of every answer cost a listing page ~10 µs. Repeated values join with ",".
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Add(headers, response.Headers.NonValidated);
        Add(headers, response.Content.Headers.NonValidated);
        return headers;
    }

    private static void Add(Dictionary<string, string> into, HttpHeadersNonValidated source)
    {
        foreach (var (name, values) in source)
        {
            into[name] = values.Count == 1 ? values.ToString() : string.Join(",", values);
        }
    }

    private static void Report(AwsCallOptions options, AwsServiceDescriptor service, AwsHttpRequest request, AwsSession session,
        int attempt, int? status, string? errorCode, string? requestId, TimeSpan elapsed) =>
        options.Observer.OnAttemptCompleted(new AwsAttemptRecord(service.ServiceId, request.Operation, session.Region, attempt, status, errorCode, requestId, elapsed));
}
