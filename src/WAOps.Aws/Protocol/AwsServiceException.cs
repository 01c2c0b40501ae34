using WAOps.Engine.Errors;

namespace WAOps.Aws.Protocol;

/// <summary>
/// An error answer from an AWS service: the service's error code and message, the HTTP status, the request id
/// (what AWS Support asks for) and how many attempts were made. Its ErrorId is "Aws.&lt;ErrorCode&gt;" so scripts
/// can match AWS errors by code.
/// </summary>
public sealed class AwsServiceException : WAOpsException
{
    public AwsServiceException(
        string serviceId,
        string operation,
        string errorCode,
        string message,
        int httpStatus,
        string? requestId,
        int attempts = 1,
        Exception? inner = null,
        IReadOnlyList<string>? details = null)
        : base("Aws." + errorCode, AwsErrorClassifier.KindOf(errorCode, httpStatus), Compose(serviceId, operation, errorCode, message, httpStatus, attempts, details), operation, inner)
    {
        ServiceId = serviceId;
        Operation = operation;
        ErrorCode = errorCode;
        ServiceMessage = message;
        HttpStatus = httpStatus;
        RequestId = requestId;
        Attempts = attempts;
        Details = details ?? Array.Empty<string>();
    }

    public string ServiceId { get; }

    public string Operation { get; }

    public string ErrorCode { get; }

    /// <summary>The message as the service gave it.</summary>
    public string ServiceMessage { get; }

    public int HttpStatus { get; }

    public string? RequestId { get; }

    public int Attempts { get; }

    /// <summary>Itemized problems some services return with an error (CloudWatch's dashboard validation messages), as "path: message".</summary>
    public IReadOnlyList<string> Details { get; }

    public bool IsThrottling => AwsErrorClassifier.IsThrottling(ErrorCode, HttpStatus);

    public bool IsTransient => AwsErrorClassifier.IsTransient(ErrorCode, HttpStatus);

    public bool IsAccessDenied => AwsErrorClassifier.KindOf(ErrorCode, HttpStatus) == ErrorKind.PermissionDenied;

    public bool IsNotFound => AwsErrorClassifier.KindOf(ErrorCode, HttpStatus) == ErrorKind.ObjectNotFound;

    /// <summary>
    /// A create refused as "already exists" on a retry: the earlier attempt reached the service and took effect
    /// but its answer was lost (a dropped connection, a timeout). Writers treat it as their own success.
    /// </summary>
    public bool IsDuplicateOfOwnEarlierAttempt => Attempts > 1 && AwsErrorClassifier.KindOf(ErrorCode, HttpStatus) == ErrorKind.ResourceExists;

    /// <summary>
    /// An earlier attempt of this call got no answer (a dropped connection, a timeout) or a server error, so it may
    /// have taken effect. A delete that then finds the resource gone was most likely its own earlier attempt.
    /// </summary>
    public bool AnswerLostEarlier { get; init; }

    /// <summary>A delete or release refused as "not found" on a retry after a lost answer: the earlier attempt did it.</summary>
    public bool IsNotFoundAfterOwnEarlierAttempt => Attempts > 1 && AnswerLostEarlier && IsNotFound;

    internal AwsServiceException WithAttempts(int attempts, bool answerLostEarlier = false) =>
        new(ServiceId, Operation, ErrorCode, ServiceMessage, HttpStatus, RequestId, attempts, InnerException, Details) { AnswerLostEarlier = answerLostEarlier };

    private static string Compose(string serviceId, string operation, string code, string message, int status, int attempts, IReadOnlyList<string>? details)
    {
        var text = $"{serviceId} {operation} failed: {code} (HTTP {status})";
        if (!string.IsNullOrWhiteSpace(message))
        {
            text += ": " + message.Trim();
        }

        if (details is { Count: > 0 })
        {
            text += " [" + string.Join("; ", details) + "]";
        }

        return attempts > 1 ? text + $" [after {attempts} attempts]" : text;
    }
}

/// <summary>
/// No answer from the service: connection refused or reset, DNS failure, or every attempt timed out.
/// Attempts is 0 where the count is not known.
/// </summary>
public sealed class AwsConnectionException : WAOpsException
{
    public AwsConnectionException(string serviceId, string operation, Uri endpoint, int attempts, Exception inner)
        : base("AwsConnectionFailed", ErrorKind.ConnectionError,
            $"{serviceId} {operation} could not reach {endpoint.GetLeftPart(UriPartial.Authority)}" + (attempts > 0 ? $" after {attempts} attempt(s)" : string.Empty) + $": {inner.Message}",
            operation, inner)
    {
        ServiceId = serviceId;
        Operation = operation;
        Attempts = attempts;
    }

    public string ServiceId { get; }

    public string Operation { get; }

    public int Attempts { get; }
}

/// <summary>A success answer that cannot be read (not XML/JSON, or not the operation's shape).</summary>
public sealed class AwsResponseException : WAOpsException
{
    public AwsResponseException(string serviceId, string operation, int httpStatus, string? requestId, Exception inner)
        : base("AwsInvalidResponse", ErrorKind.InvalidData,
            $"{serviceId} {operation} answered HTTP {httpStatus} with a body WAOps cannot read: {inner.Message}"
            + (requestId is null ? string.Empty : $" (request id {requestId})"),
            operation, inner)
    {
        ServiceId = serviceId;
        Operation = operation;
        RequestId = requestId;
    }

    public string ServiceId { get; }

    public string Operation { get; }

    public string? RequestId { get; }
}
