using WAOps.Engine.Cleanup;
using WAOps.Engine.Planning;
using WAOps.Engine.Tags;
using WAOps.Engine.Text;

namespace WAOps;

/// <summary>
/// One resource of a cleanup run: what it is, why it is idle (criterion and evidence with the metric values),
/// what was (or would be) done, how that ended, and the estimated monthly saving.
/// </summary>
public sealed class IdleCleanupResult
{
    private IdleCleanupResult(CleanupPlanItem item, CleanupOutcome outcome, string reason, string? error, string? errorId, IReadOnlyList<string>? backups)
    {
        var resource = item.Resource;
        Kind = resource.Kind;
        ResourceId = resource.Id;
        ResourceArn = resource.Arn;
        Name = resource.Name;
        Region = resource.Region;
        State = resource.Describe();
        Environment = item.Scope.Environment;
        Criterion = item.Verdict.Criterion;
        Status = item.Verdict.Status;
        Evidence = item.Verdict.Evidence;
        Metrics = item.Verdict.Metrics;
        Action = item.Action;
        Outcome = outcome;
        Reason = reason;
        Error = error;
        ErrorId = errorId;
        CleanupAfter = item.CleanupAfter;
        BackupSnapshotIds = new TextList(backups ?? Array.Empty<string>());
        EstimatedMonthlySavings = item.EstimatedMonthlySavings;
        Tags = resource.Tags;
    }

    public IdleResourceKind Kind { get; }

    public string ResourceId { get; }

    public string ResourceArn { get; }

    public string? Name { get; }

    public string Region { get; }

    /// <summary>Its state when read ("t3.micro, running", "100 GiB gp3, available").</summary>
    public string State { get; }

    public string? Environment { get; }

    /// <summary>The criterion that decided (see IdleCriterionNames).</summary>
    public string Criterion { get; }

    public IdleStatus Status { get; }

    /// <summary>The criterion's evidence in words, with the values it used.</summary>
    public string Evidence { get; }

    /// <summary>The daily CloudWatch values behind the evidence (empty for criteria judged on state).</summary>
    public IReadOnlyList<MetricSeries> Metrics { get; }

    /// <summary>What was done, or for Reported and Skipped results what an acting run would do.</summary>
    public IdleAction Action { get; }

    public CleanupOutcome Outcome { get; }

    /// <summary>Why it was skipped or reported, or what was done.</summary>
    public string Reason { get; }

    public string? Error { get; }

    public string? ErrorId { get; }

    /// <summary>The grace-period date written or carried (waops:cleanup-after).</summary>
    public DateOnly? CleanupAfter { get; }

    /// <summary>The snapshots taken before it was deleted or stopped (EBS snapshot ids or RDS snapshot identifiers).</summary>
    public TextList BackupSnapshotIds { get; }

    /// <summary>USD per month, from the documented price table (Get-Help Invoke-WAIdleCleanup -Full); null when a price is not in it.</summary>
    public decimal? EstimatedMonthlySavings { get; }

    public TagSet Tags { get; }

    public static IdleCleanupResult Planned(CleanupPlanItem item) =>
        new(item, item.Outcome ?? throw new InvalidOperationException($"{item} is a write; it has no result until it is applied."), item.Reason, null, null, null);

    public static IdleCleanupResult Done(CleanupPlanItem item, string? note = null, IReadOnlyList<string>? backups = null) =>
        new(item, SuccessOutcome(item.Action), note is null ? item.Reason : $"{item.Reason}; {note}", null, null, backups);

    public static IdleCleanupResult Skipped(CleanupPlanItem item, string reason, IReadOnlyList<string>? backups = null) =>
        new(item, CleanupOutcome.Skipped, reason, null, null, backups);

    public static IdleCleanupResult Failed(CleanupPlanItem item, string error, string errorId, IReadOnlyList<string>? backups = null) =>
        new(item, CleanupOutcome.Failed, item.Reason, error, errorId, backups);

    /// <summary>The result of one plan item once the plan executor is done with it.</summary>
    public static IdleCleanupResult From(ExecutedChange<CleanupPlanItem> executed)
    {
        var item = executed.Change.Operation!;
        if (!item.IsWrite)
        {
            return Planned(item);
        }

        return executed.Outcome switch
        {
            ChangeOutcome.Failed => Failed(item, executed.Error?.Message ?? executed.Note ?? "failed", executed.Error?.ErrorId ?? PlanErrorIds.UnexpectedError, executed.Artifacts),
            ChangeOutcome.Skipped => Skipped(item, executed.Note ?? "skipped", executed.Artifacts),
            _ => Done(item, executed.Note, executed.Artifacts),
        };
    }

    public static CleanupOutcome SuccessOutcome(IdleAction action) => action switch
    {
        IdleAction.Mark => CleanupOutcome.Marked,
        IdleAction.Unmark => CleanupOutcome.Unmarked,
        IdleAction.Stop or IdleAction.SnapshotThenStop => CleanupOutcome.Stopped,
        IdleAction.Terminate => CleanupOutcome.Terminated,
        IdleAction.Release => CleanupOutcome.Released,
        IdleAction.SnapshotThenDelete or IdleAction.Delete => CleanupOutcome.Deleted,
        _ => CleanupOutcome.Reported,
    };

    public override string ToString() => $"{Outcome} {Kind} {ResourceId}";
}

/// <summary>The last object of a run: what was examined, in and out of scope, what happened, savings and AWS calls.</summary>
public sealed class IdleCleanupSummary
{
    public required string Region { get; init; }

    public required string AccountId { get; init; }

    /// <summary>The -Action level of the run.</summary>
    public required CleanupLevel Action { get; init; }

    public required bool MarkOnly { get; init; }

    public required int GracePeriodDays { get; init; }

    public required int MaxActions { get; init; }

    public required TextList Environments { get; init; }

    public required TextList Criteria { get; init; }

    /// <summary>Resources listed and judged by the scope guard.</summary>
    public required int Examined { get; init; }

    public required int InScope { get; init; }

    /// <summary>Production, another environment, no or conflicting Environment tags: never planned.</summary>
    public required int OutOfScope { get; init; }

    /// <summary>In -Environment but excluded, protected or too young: reported when idle, never acted on.</summary>
    public required int Protected { get; init; }

    /// <summary>Out-of-scope and protected resources by reason ("Production=3; OtherEnvironment=12").</summary>
    public required IReadOnlyDictionary<string, int> ScopeReasons { get; init; }

    public required int Idle { get; init; }

    public required int InsufficientData { get; init; }

    public required int Reported { get; init; }

    public required int Marked { get; init; }

    public required int Unmarked { get; init; }

    public required int Stopped { get; init; }

    public required int Terminated { get; init; }

    public required int Deleted { get; init; }

    public required int Released { get; init; }

    public required int Skipped { get; init; }

    public required int Failed { get; init; }

    /// <summary>USD per month saved by what this run stopped, terminated, deleted or released.</summary>
    public required decimal EstimatedMonthlySavings { get; init; }

    /// <summary>USD per month all idle resources in scope would save once acted on.</summary>
    public required decimal PotentialMonthlySavings { get; init; }

    public required int MetricQueries { get; init; }

    public required int GetMetricDataCalls { get; init; }

    /// <summary>AWS calls by "Service:Operation" (attempts, retries included).</summary>
    public required IReadOnlyDictionary<string, int> ApiCalls { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>Counts a run's plan and results into its summary.</summary>
    public static IdleCleanupSummary Create(CleanupPlan plan, CleanupOptions options, IEnumerable<IdleCleanupResult> results, string region, string accountId,
        int metricQueries, int getMetricDataCalls, IReadOnlyDictionary<string, int> apiCalls, TimeSpan duration)
    {
        var list = results.ToList();
        int Count(CleanupOutcome outcome) => list.Count(r => r.Outcome == outcome);
        int Scope(Func<ScopeReason, bool> which) => plan.ScopeCounts.Where(c => which(c.Key)).Sum(c => c.Value);
        var protectedReasons = new[] { ScopeReason.ExclusionTag, ScopeReason.ProtectedUntil, ScopeReason.UnreadableProtectUntil, ScopeReason.TooYoung, ScopeReason.AgeUnknown };
        var acted = list.Where(r => r.Outcome is CleanupOutcome.Stopped or CleanupOutcome.Terminated or CleanupOutcome.Deleted or CleanupOutcome.Released);
        var idle = list.Where(r => r.Status == IdleStatus.Idle);
        return new IdleCleanupSummary
        {
            Region = region,
            AccountId = accountId,
            Action = options.Level,
            MarkOnly = options.MarkOnly,
            GracePeriodDays = options.GracePeriodDays,
            MaxActions = options.MaxActions,
            Environments = new TextList(options.Environments),
            Criteria = new TextList(options.Criteria),
            Examined = plan.Examined,
            InScope = Scope(r => r == ScopeReason.InScope),
            OutOfScope = Scope(r => r != ScopeReason.InScope && !protectedReasons.Contains(r)),
            Protected = Scope(protectedReasons.Contains),
            ScopeReasons = new SortedDictionary<string, int>(plan.ScopeCounts.Where(c => c.Key != ScopeReason.InScope).ToDictionary(c => c.Key.ToString(), c => c.Value), StringComparer.Ordinal),
            Idle = plan.Items.Count(i => i.Verdict.Status == IdleStatus.Idle),
            InsufficientData = plan.Items.Count(i => i.Verdict.Status == IdleStatus.InsufficientData) + (plan.NotPlannedCounts.TryGetValue(IdleStatus.InsufficientData, out var unknown) ? unknown : 0),
            Reported = Count(CleanupOutcome.Reported),
            Marked = Count(CleanupOutcome.Marked),
            Unmarked = Count(CleanupOutcome.Unmarked),
            Stopped = Count(CleanupOutcome.Stopped),
            Terminated = Count(CleanupOutcome.Terminated),
            Deleted = Count(CleanupOutcome.Deleted),
            Released = Count(CleanupOutcome.Released),
            Skipped = Count(CleanupOutcome.Skipped),
            Failed = Count(CleanupOutcome.Failed),
            EstimatedMonthlySavings = acted.Sum(r => r.EstimatedMonthlySavings ?? 0m),
            PotentialMonthlySavings = idle.Sum(r => r.EstimatedMonthlySavings ?? 0m),
            MetricQueries = metricQueries,
            GetMetricDataCalls = getMetricDataCalls,
            ApiCalls = apiCalls,
            Duration = duration,
        };
    }

    public override string ToString() =>
        $"{Examined} examined, {InScope} in scope, {Idle} idle: {Reported} reported, {Marked} marked, {Unmarked} unmarked, {Stopped} stopped, {Terminated} terminated, "
        + $"{Deleted} deleted, {Released} released, {Skipped} skipped, {Failed} failed";
}
