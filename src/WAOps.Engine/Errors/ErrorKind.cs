namespace WAOps.Engine.Errors;

/// <summary>
/// What kind of failure an error is. The cmdlet layer maps each kind one-to-one onto PowerShell's
/// ErrorCategory of the same name, so the engine can classify errors without referencing PowerShell.
/// </summary>
public enum ErrorKind
{
    NotSpecified,
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    ObjectNotFound,
    ResourceExists,
    AuthenticationError,
    PermissionDenied,
    ResourceUnavailable,
    LimitsExceeded,
    OperationTimeout,
    OperationStopped,
    ConnectionError,
    ReadError,
    WriteError,
    QuotaExceeded,
}
