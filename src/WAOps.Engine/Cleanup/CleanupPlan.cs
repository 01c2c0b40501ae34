using WAOps.Engine.Cleanup.Criteria;
using WAOps.Engine.Planning;

namespace WAOps.Engine.Cleanup;

/// <summary>
/// What a run does with one resource in its environments: a write (mark, unmark or an action) to put to
/// ShouldProcess and apply, or a result known already (reported, skipped with the reason).
/// </summary>
public sealed class CleanupPlanItem
{
    internal CleanupPlanItem(IdleResource resource, ScopeVerdict scope, CriterionVerdict verdict, IdleAction action, bool isWrite, CleanupOutcome? outcome,
        string reason, DateOnly? cleanupAfter, string? markKey)
    {
        Resource = resource;
        Scope = scope;
        Verdict = verdict;
        Action = action;
        IsWrite = isWrite;
        Outcome = outcome;
        Reason = reason;
        CleanupAfter = cleanupAfter;
        MarkKey = markKey;
        EstimatedMonthlySavings = CleanupPriceTable.MonthlySavings(resource, action is IdleAction.Mark or IdleAction.Unmark or IdleAction.None ? Recommended : action);
        Change = isWrite
            ? new PlannedChange<CleanupPlanItem>(resource.Arn, resource.Kind.ToString(), ChangeActionOf(action), reason, Before(), After(), this, Describe())
            : null;
    }

    public IdleResource Resource { get; }

    public ScopeVerdict Scope { get; }

    public CriterionVerdict Verdict { get; }

    /// <summary>What this run does (writes), or what an acting run would do (reported and skipped items).</summary>
    public IdleAction Action { get; }

    /// <summary>Whether carrying it out changes AWS (ShouldProcess is asked only for these).</summary>
    public bool IsWrite { get; }

    /// <summary>The result of an item that is not a write: Reported or Skipped.</summary>
    public CleanupOutcome? Outcome { get; }

    public string Reason { get; }

    /// <summary>The grace-period date: the one being written (Mark) or the one the resource carries.</summary>
    public DateOnly? CleanupAfter { get; }

    /// <summary>The spelling of the mark tag the resource carries (what Unmark removes).</summary>
    public string? MarkKey { get; }

    /// <summary>The action an acting run takes on this resource once it is due.</summary>
    public IdleAction Recommended => CleanupPlanner.Recommended(Resource);

    public decimal? EstimatedMonthlySavings { get; }

    /// <summary>The change in the shared plan/apply model (writes only); its operation is this item.</summary>
    public PlannedChange<CleanupPlanItem>? Change { get; }

    /// <summary>The item as a change to carry out: its write, or a planned skip with the result known already.</summary>
    public PlannedChange<CleanupPlanItem> AsChange() =>
        Change ?? new PlannedChange<CleanupPlanItem>(Resource.Arn, Resource.Kind.ToString(), ChangeAction.Skip, Reason, operation: this, description: Describe());

    /// <summary>The ShouldProcess text: "Stop Ec2Instance i-0abc (t3.micro, running): CPU ≤ 10% ...".</summary>
    public string Describe() => Action switch
    {
        IdleAction.Mark => $"Mark {Resource.Kind} {Resource.Id} ({Resource.Describe()}) {CleanupTags.CleanupAfterKey}={Format(CleanupAfter)}: {Verdict.Evidence}",
        IdleAction.Unmark => $"Unmark {Resource.Kind} {Resource.Id} ({Resource.Describe()}): {Verdict.Evidence}",
        _ => $"{Action} {Resource.Kind} {Resource.Id} ({Resource.Describe()}): {Verdict.Evidence}",
    };

    public override string ToString() => $"{Action} {Resource.Kind} {Resource.Id}";

    private string? Before() => Action switch
    {
        IdleAction.Mark => null,
        IdleAction.Unmark => $"{MarkKey}={Format(CleanupAfter)}",
        _ => Resource.Describe(),
    };

    private string? After() => Action switch
    {
        IdleAction.Mark => $"{CleanupTags.CleanupAfterKey}={Format(CleanupAfter)}",
        IdleAction.Unmark => null,
        IdleAction.Stop or IdleAction.SnapshotThenStop => "stopped",
        IdleAction.Release => "released",
        _ => "deleted",
    };

    private static string Format(DateOnly? date) => date is { } d ? CleanupTags.FormatDate(d) : "?";

    private static ChangeAction ChangeActionOf(IdleAction action) => action switch
    {
        IdleAction.Terminate or IdleAction.SnapshotThenDelete or IdleAction.Delete or IdleAction.Release => ChangeAction.Delete,
        _ => ChangeAction.Update,
    };
}

/// <summary>A run's plan, and what it did not plan for (counted for the summary).</summary>
public sealed class CleanupPlan
{
    internal CleanupPlan(IReadOnlyList<CleanupPlanItem> items, IReadOnlyDictionary<ScopeReason, int> scope, IReadOnlyDictionary<IdleStatus, int> notPlanned, int examined)
    {
        Items = items;
        ScopeCounts = scope;
        NotPlannedCounts = notPlanned;
        Examined = examined;
    }

    public IReadOnlyList<CleanupPlanItem> Items { get; }

    /// <summary>Resources by scope reason (in scope, production, other environment, exclusion tag, ...).</summary>
    public IReadOnlyDictionary<ScopeReason, int> ScopeCounts { get; }

    /// <summary>In-scope resources that got no item: not idle, not enough data, or no criterion applies.</summary>
    public IReadOnlyDictionary<IdleStatus, int> NotPlannedCounts { get; }

    public int Examined { get; }

    public int Writes => Items.Count(i => i.IsWrite);

    /// <summary>The writes that stop, terminate, delete or release (what -MaxActions caps).</summary>
    public int Actions => Items.Count(i => i.IsWrite && CleanupPlanner.IsAction(i.Action));
}
