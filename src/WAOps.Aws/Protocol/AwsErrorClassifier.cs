using System.Net;
using Amazon.Runtime.Internal;
using WAOps.Engine.Errors;

namespace WAOps.Aws.Protocol;

/// <summary>
/// Decides what an AWS error means: throttling and transient errors are retried (codes and statuses from
/// AWSSDK.Core's standard retry policy, plus 429 and the few codes it lacks); everything gets an ErrorKind.
/// </summary>
public static class AwsErrorClassifier
{
    private static readonly StandardRetryPolicy CoreRetryPolicy = new(1);

    // Core treats LimitExceededException as throttling; for Budgets and others it is a hard quota, so it is a
    // quota error here and not retried.
    private static readonly HashSet<string> NotThrottling = new(StringComparer.Ordinal) { "LimitExceededException" };

    private static readonly HashSet<string> ExtraTransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "InternalServerError",
        "ServiceUnavailable", "ServiceUnavailableException", "InternalServiceError", "InternalServerErrorException",
    };

    public static bool IsThrottling(string errorCode, int httpStatus) =>
        httpStatus == 429
        || (!NotThrottling.Contains(errorCode)
            && CoreRetryPolicy.ThrottlingErrorCodes.Contains(errorCode));

    public static bool IsTransient(string errorCode, int httpStatus) =>
        CoreRetryPolicy.HttpStatusCodesToRetryOn.Contains((HttpStatusCode)httpStatus)
        || CoreRetryPolicy.TimeoutErrorCodesToRetryOn.Contains(errorCode)
        || ExtraTransientCodes.Contains(errorCode);

    public static bool IsRetryable(string errorCode, int httpStatus) => IsThrottling(errorCode, httpStatus) || IsTransient(errorCode, httpStatus);

    public static ErrorKind KindOf(string errorCode, int httpStatus)
    {
        if (IsThrottling(errorCode, httpStatus))
        {
            return ErrorKind.LimitsExceeded;
        }

        if (Contains(errorCode, "AccessDenied") || Contains(errorCode, "Unauthorized") || errorCode is "Forbidden" or "AuthorizationError" or "OptInRequired")
        {
            return ErrorKind.PermissionDenied;
        }

        if (errorCode is "InvalidClientTokenId" or "SignatureDoesNotMatch" or "ExpiredToken" or "ExpiredTokenException"
            or "UnrecognizedClientException" or "AuthFailure" or "InvalidAccessKeyId" or "IncompleteSignature" or "MissingAuthenticationToken")
        {
            return ErrorKind.AuthenticationError;
        }

        if (Contains(errorCode, "NotFound") || errorCode.StartsWith("NoSuch", StringComparison.Ordinal) || Contains(errorCode, ".NotFound"))
        {
            return ErrorKind.ObjectNotFound;
        }

        if (Contains(errorCode, "AlreadyExists") || Contains(errorCode, "Duplicate"))
        {
            return ErrorKind.ResourceExists;
        }

        if (Contains(errorCode, "LimitExceeded") || Contains(errorCode, "QuotaExceeded"))
        {
            return ErrorKind.QuotaExceeded;
        }

        if (IsTransient(errorCode, httpStatus) || httpStatus >= 500)
        {
            return ErrorKind.ResourceUnavailable;
        }

        if (Contains(errorCode, "Validation") || Contains(errorCode, "InvalidParameter") || Contains(errorCode, "Invalid") || Contains(errorCode, "Malformed"))
        {
            return ErrorKind.InvalidArgument;
        }

        return httpStatus switch
        {
            403 => ErrorKind.PermissionDenied,
            404 => ErrorKind.ObjectNotFound,
            409 => ErrorKind.ResourceExists,
            >= 400 and < 500 => ErrorKind.InvalidOperation,
            _ => ErrorKind.NotSpecified,
        };
    }

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
