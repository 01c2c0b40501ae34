namespace WAOps.Engine.Planning;

/// <summary>
/// One change a planner wants: on which target (an ARN, a name), of what kind (Budget, Notification, Alarm, Tag,
/// ...), the action, the state before and after as readable text, and why. The typed
/// <see cref="PlannedChange{TOperation}"/> carries what its applier sends.
/// </summary>
public abstract class PlannedChange
{
    protected PlannedChange(string target, string kind, ChangeAction action, string reason, string? before, string? after)
    {
        Target = target;
        Kind = kind;
        Action = action;
        Reason = reason;
        Before = before;
        After = after;
    }

    public string Target { get; }

    public string Kind { get; }

    public ChangeAction Action { get; }

    public string Reason { get; }

    public string? Before { get; }

    public string? After { get; }

    /// <summary>Whether applying it sends anything to AWS (confirmation is asked only for these).</summary>
    public bool IsWrite => Action is ChangeAction.Create or ChangeAction.Update or ChangeAction.Delete;

    /// <summary>
    /// A change the rest of its plan depends on (an SNS topic policy that lets AWS Budgets publish, say): when it is
    /// not made, the changes after it are skipped rather than made without it.
    /// </summary>
    public bool IsPrerequisite { get; init; }

    /// <summary>The outcome when the change is carried out successfully.</summary>
    public ChangeOutcome SuccessOutcome => Action switch
    {
        ChangeAction.Create => ChangeOutcome.Created,
        ChangeAction.Update => ChangeOutcome.Updated,
        ChangeAction.Delete => ChangeOutcome.Deleted,
        ChangeAction.Skip => ChangeOutcome.Skipped,
        _ => ChangeOutcome.Unchanged,
    };

    /// <summary>The confirmation text: "Create Notification (none -> ...): reason".</summary>
    public virtual string Describe() => After is null && Before is null
        ? $"{Action} {Kind}: {Reason}"
        : $"{Action} {Kind} ({Before ?? "none"} -> {After ?? "none"}): {Reason}";

    public override string ToString() => $"{Action} {Kind} {Target}";
}

/// <summary>A planned change with the operation its applier carries out (for writes) or would carry out.</summary>
public sealed class PlannedChange<TOperation> : PlannedChange
    where TOperation : class
{
    public PlannedChange(string target, string kind, ChangeAction action, string reason, string? before = null, string? after = null, TOperation? operation = null,
        string? description = null)
        : base(target, kind, action, reason, before, after)
    {
        if (IsWrite && operation is null)
        {
            throw new ArgumentException($"A {action} of {kind} {target} needs the operation that carries it out.", nameof(operation));
        }

        Operation = operation;
        _description = description;
    }

    private readonly string? _description;

    /// <summary>What applying it sends (writes); for other changes, what it would send or the subject it is about, if any.</summary>
    public TOperation? Operation { get; }

    public override string Describe() => _description ?? base.Describe();
}
