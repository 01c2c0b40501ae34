namespace WAOps.Engine.Planning;

/// <summary>
/// One change a planner wants: on which target (an ARN, a name), of what kind (Budget, Notification,
/// Alarm, Tag, ...), the action, the state before and after as readable text, and why. <see cref="Detail"/>
/// carries what the applier needs, typed by the planner that made it.
/// </summary>
public sealed class PlannedChange
{
    public PlannedChange(string target, string kind, ChangeAction action, string reason, string? before = null, string? after = null, object? detail = null)
    {
        Target = target;
        Kind = kind;
        Action = action;
        Reason = reason;
        Before = before;
        After = after;
        Detail = detail;
    }

    public string Target { get; }

    public string Kind { get; }

    public ChangeAction Action { get; }

    public string Reason { get; }

    public string? Before { get; }

    public string? After { get; }

    public object? Detail { get; }

    /// <summary>Whether applying it sends anything to AWS (ShouldProcess is asked only for these).</summary>
    public bool IsWrite => Action is ChangeAction.Create or ChangeAction.Update or ChangeAction.Delete;

    /// <summary>The outcome when the change is carried out successfully.</summary>
    public ChangeOutcome SuccessOutcome => Action switch
    {
        ChangeAction.Create => ChangeOutcome.Created,
        ChangeAction.Update => ChangeOutcome.Updated,
        ChangeAction.Delete => ChangeOutcome.Deleted,
        ChangeAction.Skip => ChangeOutcome.Skipped,
        _ => ChangeOutcome.Unchanged,
    };

    /// <summary>The ShouldProcess action text: "Create Notification", "Update Budget", ...</summary>
    public string Describe() => After is null && Before is null
        ? $"{Action} {Kind}: {Reason}"
        : $"{Action} {Kind} ({Before ?? "none"} -> {After ?? "none"}): {Reason}";

    public override string ToString() => $"{Action} {Kind} {Target}";
}
