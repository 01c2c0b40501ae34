using System.Diagnostics;
using Amazon.Runtime;
using WAOps.Aws.Protocol;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.Sdk;

/// <summary>
/// Runs one official-SDK call and turns its exceptions into WAOps' own, so no Amazon.* exception type reaches the
/// cmdlets (they may live in another load context than the caller's AWSSDK.Core). The SDK clients are built without
/// retries of their own (<see cref="AwsSdkClientFactory"/>): the retries are made here, by the same rules as WAOps'
/// protocol clients (<see cref="AwsHttpTransport"/>: throttling and transient errors, exponential backoff with full
/// jitter, the session's bound, Ctrl+C stops a wait at once), so that every protocol, EC2 included, shows its retries
/// in -Verbose, and an error knows how many attempts it took and whether an earlier attempt's answer was lost.
/// </summary>
internal static class AwsSdkCall
{
    public static async Task<T> RunAsync<T>(AwsSession session, AwsServiceDescriptor service, string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
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
                var response = await call(cancellationToken).ConfigureAwait(false);
                var metadata = response as AmazonWebServiceResponse;
                options.Observer.OnAttemptCompleted(new AwsAttemptRecord(service.ServiceId, operation, session.Region, attempt,
                    metadata is null ? null : (int)metadata.HttpStatusCode, null, metadata?.ResponseMetadata?.RequestId, stopwatch.Elapsed));
                return response;
            }
            catch (AmazonServiceException ex) when (!string.IsNullOrEmpty(ex.ErrorCode) || (int)ex.StatusCode != 0)
            {
                var status = (int)ex.StatusCode;
                var code = string.IsNullOrEmpty(ex.ErrorCode) ? Protocol.Json.AwsJsonErrorParser.Normalize(null, status) : ex.ErrorCode;
                options.Observer.OnAttemptCompleted(new AwsAttemptRecord(service.ServiceId, operation, session.Region, attempt, status, code, ex.RequestId, stopwatch.Elapsed));
                var error = new AwsServiceException(service.ServiceId, operation, code, ex.Message, status, ex.RequestId, attempt) { AnswerLostEarlier = answerLost };
                if ((!error.IsThrottling && !error.IsTransient) || attempt >= maxAttempts)
                {
                    throw error;
                }

                // A server error may have been applied before it was reported; throttling never was.
                answerLost |= !error.IsThrottling;
                retryReason = $"{code} (HTTP {status})";
            }
            catch (Exception ex) when (IsConnectionFailure(ex, cancellationToken))
            {
                options.Observer.OnAttemptCompleted(new AwsAttemptRecord(service.ServiceId, operation, session.Region, attempt, null, ex.GetType().Name, null, stopwatch.Elapsed));
                if (attempt >= maxAttempts)
                {
                    throw new AwsConnectionException(service.ServiceId, operation, AwsSdkClientFactory.EndpointOf(session, service), attempt, ex);
                }

                // The request may have reached the service and taken effect; only its answer is missing.
                answerLost = true;
                retryReason = ex is OperationCanceledException ? "attempt timed out" : ex.GetType().Name + ": " + ex.Message;
            }

            var delay = options.Retry.DelayBefore(attempt + 1, Random.Shared);
            options.Observer.OnRetryScheduled(new AwsRetryRecord(service.ServiceId, operation, attempt + 1, maxAttempts, delay, retryReason));
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsConnectionFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        // A cancelled caller is not a failure to retry; a timed-out attempt is.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        AmazonClientException => true,
        HttpRequestException => true,
        IOException => true,
        _ => false,
    };
}
