namespace WAOps.Engine.Errors;

/// <summary>
/// A failure WAOps understands: it carries a stable <see cref="ErrorId"/> that scripts can match on,
/// a <see cref="Kind"/> that becomes the PowerShell ErrorCategory, and the object it is about.
/// Messages must never contain secrets.
/// </summary>
public class WAOpsException : Exception
{
    public WAOpsException(string errorId, ErrorKind kind, string message, object? target = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Kind = kind;
        Target = target;
    }

    public string ErrorId { get; }

    public ErrorKind Kind { get; }

    public object? Target { get; }

    /// <summary>A short hint on how to fix it, shown as the ErrorRecord's recommended action.</summary>
    public string? RecommendedAction { get; init; }
}
