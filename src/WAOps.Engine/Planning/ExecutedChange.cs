using WAOps.Engine.Errors;

namespace WAOps.Engine.Planning;

/// <summary>What became of one planned change: its outcome, a note, the error when it failed, and what was made along the way.</summary>
public sealed record ExecutedChange<TOperation>(PlannedChange<TOperation> Change, ChangeOutcome Outcome, string? Note, WAOpsException? Error, IReadOnlyList<string> Artifacts,
    string? ErrorCode = null)
    where TOperation : class
{
    /// <summary>Whether it ended as planned (a planned skip counts; a skip the plan did not ask for does not).</summary>
    public bool AsPlanned => Outcome == Change.SuccessOutcome;

    /// <summary>The public result of a change (Created, Updated, Unchanged, Deleted, Skipped or Failed).</summary>
    public ChangeResult ToResult() =>
        new(Change, Outcome, Outcome is ChangeOutcome.Failed or ChangeOutcome.Skipped ? Error?.Message ?? Note : null, ErrorCode ?? Error?.ErrorId);
}
