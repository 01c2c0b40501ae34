using Amazon.Runtime;
using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.Sdk;

/// <summary>
/// Runs one official-SDK call and turns its exceptions into WAOps' own, so no Amazon.* exception type
/// reaches the cmdlets (they may live in another load context than the caller's AWSSDK.Core).
/// </summary>
internal static class AwsSdkCall
{
    public static async Task<T> RunAsync<T>(AwsServiceDescriptor service, string operation, Uri endpoint, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (!string.IsNullOrEmpty(ex.ErrorCode) || (int)ex.StatusCode != 0)
        {
            throw new AwsServiceException(service.ServiceId, operation, AwsServiceErrorCode(ex), ex.Message, (int)ex.StatusCode, ex.RequestId);
        }
        catch (AmazonClientException ex)
        {
            throw new AwsConnectionException(service.ServiceId, operation, endpoint, 0, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AwsConnectionException(service.ServiceId, operation, endpoint, 0, ex);
        }
    }

    private static string AwsServiceErrorCode(AmazonServiceException ex) =>
        string.IsNullOrEmpty(ex.ErrorCode) ? Protocol.Json.AwsJsonErrorParser.Normalize(null, (int)ex.StatusCode) : ex.ErrorCode;
}
