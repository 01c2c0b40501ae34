using WAOps.Engine.Cleanup;
using WAOps.Engine.Planning;

namespace WAOps.Engine.Runs;

/// <summary>
/// Invoke-WAIdleCleanup's run: collect (list, read metrics, evaluate), plan with the scope guard, carry out the plan's
/// writes (marks, unmarks, actions), one result per resource in plan order, then the summary.
/// </summary>
public sealed class CleanupRun
{
    private readonly IIdleSource _source;
    private readonly Func<IChangeApplier<CleanupPlanItem>> _applier;

    /// <param name="source">Where resources, metrics and verdicts come from.</param>
    /// <param name="applier">Makes the applier once the source has read the account (it writes through the same reader).</param>
    public CleanupRun(IIdleSource source, Func<IChangeApplier<CleanupPlanItem>> applier)
    {
        _source = source;
        _applier = applier;
    }

    /// <summary>Runs it; <paramref name="calls"/> gives the AWS calls made so far, by operation, for the summary.</summary>
    public async Task ExecuteAsync(CleanupOptions options, IRunHost host, Func<IReadOnlyDictionary<string, int>> calls, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var account = await _source.AccountIdAsync(cancellationToken).ConfigureAwait(false);
        host.Verbose($"Account {account}, region {_source.Region}: {Describe(options)}.");
        var collection = await _source.CollectAsync(options, now,
            host.Progress,
            failure => host.Error(failure.Error, failure.Where),
            cancellationToken).ConfigureAwait(false);
        host.Verbose($"Listed {collection.Resources.Count} resource(s) in {collection.ListingTime.TotalMilliseconds:0} ms; read {collection.MetricQueries} metric queries "
            + $"in {collection.GetMetricDataCalls} GetMetricData call(s) in {collection.MetricsTime.TotalMilliseconds:0} ms.");

        var plan = CleanupPlanner.Plan(collection.Resources, options, now);
        host.Verbose($"Plan: {plan.Items.Count} idle or marked resource(s) in {string.Join(", ", options.Environments)}; {plan.Writes} write(s), {plan.Actions} of them actions "
            + $"(-MaxActions {options.MaxActions}); out of scope: {string.Join(", ", plan.ScopeCounts.Where(c => c.Key != ScopeReason.InScope).Select(c => $"{c.Key} {c.Value}"))}.");

        var results = new List<IdleCleanupResult>();
        await new PlanExecutor(host).ExecuteAsync(plan.Items.Select(i => i.AsChange()).ToList(), _applier(), new ExecutionOptions { ProgressLabel = "Cleanup" },
            executed =>
            {
                var result = IdleCleanupResult.From(executed);
                results.Add(result);
                host.Emit(result);
            },
            cancellationToken).ConfigureAwait(false);

        host.Progress(RunProgress.Done);
        host.Emit(IdleCleanupSummary.Create(plan, options, results, _source.Region, account, collection.MetricQueries, collection.GetMetricDataCalls, calls(), clock.Elapsed));
    }

    private static string Describe(CleanupOptions options) =>
        (options.MarkOnly ? "mark only" : options.Level == CleanupLevel.Report ? "report only" : $"-Action {options.Level}")
        + $", environments {string.Join(", ", options.Environments)}, criteria {string.Join(", ", options.Criteria)}"
        + (options.Writes ? $", grace period {options.GracePeriodDays} day(s), at most {options.MaxActions} action(s)" : string.Empty);
}
