using WAOps.Engine.Errors;

namespace WAOps.Engine.Planning;

/// <summary>
/// How applying one change ended: done, skipped (the reason), or failed (the error); with a note for people and the
/// ids of what was made along the way (backup snapshots). A failure's <see cref="ErrorCode"/> is the code the result
/// shows when the service gave its own per item (a batch API's AccessDenied), else the error's ErrorId.
/// </summary>
public sealed record ApplyResult(ChangeOutcome? Outcome, string? Note = null, WAOpsException? Error = null, IReadOnlyList<string>? Artifacts = null, string? ErrorCode = null)
{
    /// <summary>Whether the change was carried out (neither skipped nor failed).</summary>
    public bool Done => Outcome is not (ChangeOutcome.Skipped or ChangeOutcome.Failed);

    /// <summary>Done as planned (the change's own success outcome).</summary>
    public static ApplyResult Completed(string? note = null, IReadOnlyList<string>? artifacts = null) => new(null, note, null, artifacts);

    public static ApplyResult Skipped(string reason, IReadOnlyList<string>? artifacts = null) => new(ChangeOutcome.Skipped, reason, null, artifacts);

    public static ApplyResult Failed(WAOpsException error, string? errorCode = null) => new(ChangeOutcome.Failed, error.Message, error, ErrorCode: errorCode);
}
