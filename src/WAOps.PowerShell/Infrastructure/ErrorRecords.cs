using System.Management.Automation;
using WAOps.Engine.Errors;

namespace WAOps.PowerShell.Infrastructure;

/// <summary>Turns WAOps failures into ErrorRecords with a stable ErrorId, the matching ErrorCategory and the target.</summary>
internal static class ErrorRecords
{
    public const string UnexpectedErrorId = "UnexpectedError";

    public static ErrorRecord From(Exception exception, object? target = null)
    {
        if (exception is WAOpsException waops)
        {
            var record = new ErrorRecord(waops, waops.ErrorId, CategoryOf(waops.Kind), target ?? waops.Target);
            if (!string.IsNullOrEmpty(waops.RecommendedAction))
            {
                record.ErrorDetails = new ErrorDetails(waops.Message) { RecommendedAction = waops.RecommendedAction };
            }

            return record;
        }

        return new ErrorRecord(exception, UnexpectedErrorId, ErrorCategory.NotSpecified, target);
    }

    public static ErrorRecord Create(string errorId, ErrorKind kind, string message, object? target) =>
        From(new WAOpsException(errorId, kind, message, target), target);

    /// <summary>ErrorKind mirrors ErrorCategory name for name, so the engine can classify without PowerShell.</summary>
    public static ErrorCategory CategoryOf(ErrorKind kind) =>
        Enum.TryParse<ErrorCategory>(kind.ToString(), out var category) ? category : ErrorCategory.NotSpecified;
}
