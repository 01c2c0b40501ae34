using WAOps.Engine.Planning;

namespace WAOps;

/// <summary>What happened to one planned change: its outcome and, when it failed, the error.</summary>
public sealed class ChangeResult
{
    public ChangeResult(PlannedChange change, ChangeOutcome outcome, string? error = null, string? errorId = null)
    {
        Target = change.Target;
        Kind = change.Kind;
        Action = change.Action;
        Outcome = outcome;
        Before = change.Before;
        After = change.After;
        Reason = change.Reason;
        Error = error;
        ErrorId = errorId;
    }

    public string Target { get; }

    public string Kind { get; }

    public ChangeAction Action { get; }

    public ChangeOutcome Outcome { get; }

    public string? Before { get; }

    public string? After { get; }

    public string Reason { get; }

    public string? Error { get; }

    public string? ErrorId { get; }

    public override string ToString() => $"{Outcome} {Kind} {Target}";
}
