using WAOps.Engine.Cleanup.Criteria;

namespace WAOps.Engine.Cleanup;

/// <summary>One resource with the combined verdict of its kind's criteria (null when no selected criterion judges it).</summary>
public sealed record EvaluatedResource(IdleResource Resource, CriterionVerdict? Verdict);

/// <summary>
/// Turns evaluated resources into a cleanup plan. Pure: no AWS, no clock of its own. The scope guard runs here
/// again whatever the collector did, so nothing outside the run's environments is ever planned, not even a tag.
/// <list type="bullet">
/// <item>Report (the default): idle resources are Reported with the action an acting run would take; nothing is written.</item>
/// <item>-MarkOnly: idle resources without a mark are marked waops:cleanup-after=&lt;today + grace&gt;; nothing else is done.</item>
/// <item>-Action Stop/Terminate/Delete with a grace period: unmarked idle resources are marked; marked ones are
/// acted on once their date has come; the rest wait.</item>
/// <item>-GracePeriodDays 0: idle resources are acted on without a mark.</item>
/// <item>Marked resources that are in use again are unmarked (by any run that writes). Marked resources with
/// insufficient data keep their mark and are not acted on.</item>
/// <item>Actions beyond -MaxActions (largest estimated savings first) are skipped; marks do not count.</item>
/// </list>
/// </summary>
public static class CleanupPlanner
{
    public static CleanupPlan Plan(IEnumerable<EvaluatedResource> resources, CleanupOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scopeCounts = new Dictionary<ScopeReason, int>();
        var notPlanned = new Dictionary<IdleStatus, int>();
        var items = new List<CleanupPlanItem>();
        var actions = new List<(int Index, CleanupPlanItem Item)>();
        var examined = 0;
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        foreach (var (resource, verdict) in resources.OrderBy(r => r.Resource.Kind).ThenBy(r => r.Resource.Id, StringComparer.Ordinal))
        {
            examined++;
            var scope = options.Guard.Evaluate(resource.Tags, resource.CreatedAt, now);
            Count(scopeCounts, scope.Reason);
            if (!scope.InScope && !scope.IsExcludedInEnvironment)
            {
                continue;
            }

            if (verdict is null || verdict.Status == IdleStatus.NotApplicable)
            {
                Count(notPlanned, IdleStatus.NotApplicable);
                continue;
            }

            var mark = Mark.Read(resource);
            var recommended = Recommended(resource);
            if (!scope.InScope)
            {
                // Excluded, protected or too young: reported when idle, never written to (not even unmarked).
                if (verdict.IsIdle)
                {
                    items.Add(Item(resource, scope, verdict, recommended, false, CleanupOutcome.Skipped, $"{scope.Explanation}; not acted on", mark));
                }
                else
                {
                    Count(notPlanned, verdict.Status);
                }

                continue;
            }

            if (!verdict.IsIdle)
            {
                if (mark.Present && verdict.Status == IdleStatus.Active)
                {
                    items.Add(options.Writes
                        ? Item(resource, scope, verdict, IdleAction.Unmark, true, null, $"in use again: {verdict.Evidence}", mark)
                        : Item(resource, scope, verdict, IdleAction.Unmark, false, CleanupOutcome.Reported, $"report only; in use again, a run that writes removes {mark.Key}", mark));
                }
                else if (mark.Present)
                {
                    items.Add(Item(resource, scope, verdict, recommended, false, CleanupOutcome.Skipped, $"marked, but {verdict.Evidence}; the mark is kept and nothing is done", mark));
                }
                else
                {
                    Count(notPlanned, verdict.Status);
                }

                continue;
            }

            if (!options.Writes)
            {
                items.Add(Item(resource, scope, verdict, recommended, false, CleanupOutcome.Reported, $"report only; {mark.Describe(now)}", mark));
                continue;
            }

            var (action, refusal) = ForLevel(resource, options.Level);
            if (options.MarkOnly)
            {
                items.Add(!mark.Due(now).HasValue
                    ? MarkItem(resource, scope, verdict, options, today, mark)
                    : Item(resource, scope, verdict, action ?? recommended, false, CleanupOutcome.Skipped, $"{mark.Describe(now)}; -MarkOnly does not act", mark));
                continue;
            }

            if (action is null)
            {
                items.Add(Item(resource, scope, verdict, recommended, false, CleanupOutcome.Skipped, refusal!, mark));
                continue;
            }

            if (options.GracePeriodDays > 0)
            {
                switch (mark.Due(now))
                {
                    case null:
                        items.Add(MarkItem(resource, scope, verdict, options, today, mark));
                        continue;
                    case false:
                        items.Add(Item(resource, scope, verdict, action.Value, false, CleanupOutcome.Skipped, $"grace period: {mark.Describe(now)}", mark));
                        continue;
                }
            }

            // A placeholder until the cap below decides between acting and skipping.
            actions.Add((items.Count, Item(resource, scope, verdict, action.Value, true, null, verdict.Evidence, mark)));
            items.Add(null!);
        }

        // The cap: the largest estimated savings first (unknown savings last), then by ARN for a stable order.
        var allowed = actions.OrderByDescending(a => a.Item.EstimatedMonthlySavings ?? -1m).ThenBy(a => a.Item.Resource.Arn, StringComparer.Ordinal)
            .Take(options.MaxActions).Select(a => a.Index).ToHashSet();
        foreach (var (index, item) in actions)
        {
            items[index] = allowed.Contains(index)
                ? item
                : Item(item.Resource, item.Scope, item.Verdict, item.Action, false, CleanupOutcome.Skipped,
                    $"-MaxActions {options.MaxActions} reached (the largest savings go first); a later run takes it", Mark.Read(item.Resource));
        }

        return new CleanupPlan(items, scopeCounts, notPlanned, examined);
    }

    /// <summary>
    /// Checks a resource read again just before its planned write: still in scope, still in the state the action
    /// needs, still marked and due when a grace period applies. Null when the write may go ahead, else why not.
    /// </summary>
    public static string? Recheck(CleanupPlanItem item, IdleResource fresh, CleanupOptions options, DateTimeOffset now)
    {
        var scope = options.Guard.Evaluate(fresh.Tags, fresh.CreatedAt, now);
        if (!scope.InScope)
        {
            return $"changed since it was read: {scope.Explanation}";
        }

        var mark = Mark.Read(fresh);
        if (item.Action == IdleAction.Unmark)
        {
            return mark.Present ? null : "changed since it was read: no longer marked";
        }

        if (item.Action == IdleAction.Mark)
        {
            return null;
        }

        if (options.GracePeriodDays > 0 && mark.Due(now) != true)
        {
            return $"changed since it was read: {mark.Describe(now)}";
        }

        var state = StateRequirement(item, fresh);
        return state is null ? null : $"changed since it was read: {state}";
    }

    /// <summary>The action an acting run takes on a resource of this kind and state once it is due.</summary>
    public static IdleAction Recommended(IdleResource resource) => resource switch
    {
        Ec2InstanceResource { IsRunning: true } => IdleAction.Stop,
        Ec2InstanceResource => IdleAction.Terminate,
        EbsVolumeResource => IdleAction.SnapshotThenDelete,
        DbInstanceResource => IdleAction.SnapshotThenStop,
        ElasticIpResource => IdleAction.Release,
        _ => IdleAction.Delete,
    };

    /// <summary>Whether an action stops, terminates, deletes or releases (what -MaxActions counts).</summary>
    public static bool IsAction(IdleAction action) => action is not (IdleAction.None or IdleAction.Mark or IdleAction.Unmark);

    /// <summary>The action <paramref name="level"/> allows on the resource, or why it allows none.</summary>
    public static (IdleAction? Action, string? Refusal) ForLevel(IdleResource resource, CleanupLevel level)
    {
        if (level == CleanupLevel.Report)
        {
            return (null, "report only");
        }

        switch (resource)
        {
            case Ec2InstanceResource instance:
                if (level == CleanupLevel.Stop)
                {
                    return instance.IsRunning ? (IdleAction.Stop, null) : (null, $"already {instance.State}; -Action Terminate terminates it");
                }

                return (IdleAction.Terminate, null);
            case DbInstanceResource database:
                if (level == CleanupLevel.Stop)
                {
                    return (IdleAction.SnapshotThenStop, null);
                }

                return database.DeletionProtection
                    ? (null, "deletion protection is on; WAOps never turns it off (-Action Stop would snapshot and stop it)")
                    : (IdleAction.SnapshotThenDelete, null);
            default:
                var action = Recommended(resource);
                return level == CleanupLevel.Delete
                    ? (action, null)
                    : (null, $"-Action {level} does not {(action == IdleAction.Release ? "release" : "delete")} a {resource.Kind}; -Action Delete does");
        }
    }

    private static string? StateRequirement(CleanupPlanItem item, IdleResource fresh) => (item.Action, fresh) switch
    {
        (IdleAction.Stop, Ec2InstanceResource i) => i.IsRunning ? null : $"it is {i.State}, not running",
        (IdleAction.Terminate, Ec2InstanceResource i) => item.Resource is Ec2InstanceResource { IsStopped: true } && !i.IsStopped
            ? $"it is {i.State}, no longer stopped"
            : i.State is "running" or "stopped" ? null : $"it is {i.State}",
        (IdleAction.SnapshotThenDelete, EbsVolumeResource v) => v.State == "available" && v.AttachedTo.Count == 0 ? null : $"it is {v.State}, attached to {string.Join(", ", v.AttachedTo)}",
        (IdleAction.Delete, EbsSnapshotResource s) => s.UsedByImages.Count > 0 ? $"used by {string.Join(", ", s.UsedByImages)}" : s.State == "completed" ? null : $"it is {s.State}",
        (IdleAction.Release, ElasticIpResource a) => a.AssociationId is null || (a.InstanceId is not null && Criteria.UnassociatedElasticIpCriterion.LeavesAddressIdle(a.InstanceState))
            ? (a.AssociationId == (item.Resource as ElasticIpResource)?.AssociationId ? null : "its association changed")
            : $"associated with {a.InstanceId ?? a.NetworkInterfaceId} ({a.InstanceState ?? "in use"})",
        (IdleAction.Delete, NatGatewayResource n) => n.State == "available" ? null : $"it is {n.State}",
        (IdleAction.Delete, LoadBalancerResource b) => b.State is "active" or "active_impaired" ? null : $"it is {b.State}",
        (IdleAction.SnapshotThenStop, DbInstanceResource d) => d.Status == "available" ? null : $"it is {d.Status}",
        (IdleAction.SnapshotThenDelete, DbInstanceResource d) => d.DeletionProtection ? "deletion protection is on" : d.Status == "available" ? null : $"it is {d.Status}",
        _ => $"it is not a {item.Resource.Kind} any more",
    };

    private static CleanupPlanItem MarkItem(IdleResource resource, ScopeVerdict scope, CriterionVerdict verdict, CleanupOptions options, DateOnly today, Mark mark)
    {
        var due = today.AddDays(options.GracePeriodDays);
        var reason = $"idle: {verdict.Evidence}; grace period until {CleanupTags.FormatDate(due)}"
            + (mark.Present ? $" (replaces the unreadable {mark.Key}='{mark.Value}')" : string.Empty);
        return new CleanupPlanItem(resource, scope, verdict, IdleAction.Mark, true, null, reason, due, mark.Key);
    }

    private static CleanupPlanItem Item(IdleResource resource, ScopeVerdict scope, CriterionVerdict verdict, IdleAction action, bool write, CleanupOutcome? outcome, string reason, Mark mark) =>
        new(resource, scope, verdict, action, write, outcome, reason, mark.Date, mark.Key);

    private static void Count<T>(Dictionary<T, int> counts, T key)
        where T : notnull =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

    /// <summary>The waops:cleanup-after mark a resource carries.</summary>
    private sealed record Mark(string? Key, string? Value, DateTimeOffset? From)
    {
        public bool Present => Key is not null;

        public DateOnly? Date => From is { } from ? DateOnly.FromDateTime(from.UtcDateTime) : null;

        public static Mark Read(IdleResource resource)
        {
            if (CleanupTags.Find(resource.Tags, CleanupTags.CleanupAfterKey) is not { } tag)
            {
                return new Mark(null, null, null);
            }

            return CleanupTags.TryParseCleanupAfter(tag.Value, out var from) ? new Mark(tag.Key, tag.Value, from) : new Mark(tag.Key, tag.Value, null);
        }

        /// <summary>null: no readable mark; false: marked, not yet due; true: due.</summary>
        public bool? Due(DateTimeOffset now) => From is { } from ? now >= from : null;

        public string Describe(DateTimeOffset now) => (Key, From) switch
        {
            (null, _) => "not marked",
            (_, null) => $"{Key}='{Value}' is not a date WAOps can read",
            (_, { } from) when now >= from => $"marked, due since {Value!.Trim()}",
            _ => $"marked, cleanup after {Value!.Trim()}",
        };
    }
}
