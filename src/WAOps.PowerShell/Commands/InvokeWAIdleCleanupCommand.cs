using System.Collections;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Host;
using WAOps.Aws.Cleanup;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Services.Sts;
using WAOps.Engine.Cleanup;
using WAOps.Engine.Errors;
using WAOps.PowerShell.Infrastructure;

namespace WAOps.PowerShell.Commands;

/// <summary>
/// Finds idle resources of the chosen environments (dev by default) by Trusted Advisor's criteria and their
/// CloudWatch metrics, and reports them; with -MarkOnly or -Action it marks them for a grace period and later
/// stops, terminates, deletes or releases them, one ShouldProcess each, capped by -MaxActions. Production is never
/// touched whatever the parameters. One result per resource, then a summary.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "WAIdleCleanup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType("WAOps.IdleCleanupResult", "WAOps.IdleCleanupSummary")]
public sealed class InvokeWAIdleCleanupCommand : WAOpsAwsCmdlet
{
    private const int ProgressId = 61;
    private const string Activity = "Invoke-WAIdleCleanup";

    [Parameter(Position = 0)]
    [Alias("RegionToCall")]
    [RegionTransformation]
    [ArgumentCompleter(typeof(RegionArgumentCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    [Parameter]
    [ValidateNotNull]
    public string[] Environment { get; set; } = { "dev" };

    [Parameter]
    [ValidateNotNull]
    public string ExclusionTag { get; set; } = CleanupTags.DefaultExclusionKey;

    [Parameter]
    public int OlderThanDays { get; set; }

    // Strings, not engine types: PowerShell reflects parameter types at import, before WAOps' load context exists.
    [Parameter]
    [ValidateSet("LowUtilizationInstance", "StoppedInstance", "UnattachedVolume", "UnassociatedElasticIp", "IdleNatGateway", "IdleLoadBalancer", "IdleDatabase", "OrphanedSnapshot")]
    public string[]? Criterion { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Hashtable? Threshold { get; set; }

    [Parameter]
    [ValidateSet("Report", "Stop", "Terminate", "Delete")]
    public string Action { get; set; } = "Report";

    [Parameter]
    public SwitchParameter MarkOnly { get; set; }

    [Parameter]
    public int GracePeriodDays { get; set; } = CleanupRequest.DefaultGracePeriodDays;

    [Parameter]
    public int MaxActions { get; set; } = CleanupRequest.DefaultMaxActions;

    [Parameter]
    public int SnapshotTimeoutMinutes { get; set; } = CleanupRequest.DefaultSnapshotTimeoutMinutes;

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string? RequestedRegion => Region;

    protected override void EndProcessing()
    {
        // Every input is checked before anything is read or written.
        CleanupOptions options;
        try
        {
            options = CleanupOptions.Validate(new CleanupRequest
            {
                Environments = Environment,
                ExclusionTag = ExclusionTag,
                OlderThanDays = OlderThanDays,
                Criteria = Criterion,
                Thresholds = Threshold is null ? null : ToDictionary(Threshold),
                Level = Enum.Parse<CleanupLevel>(Action, ignoreCase: true),
                MarkOnly = MarkOnly,
                GracePeriodDays = GracePeriodDays,
                MaxActions = MaxActions,
                SnapshotTimeoutMinutes = SnapshotTimeoutMinutes,
            });
        }
        catch (WAOpsException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
            return;
        }

        var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIfValue)
            ? ((SwitchParameter)whatIfValue).IsPresent
            : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
        var skipPrompts = Force && !MyInvocation.BoundParameters.ContainsKey("Confirm");
        var session = ResolveSession();
        var clock = Stopwatch.StartNew();
        RunAsync(async cancellationToken =>
        {
            var now = DateTimeOffset.UtcNow;
            var identity = await CallerIdentityGateway.GetAsync(session, cancellationToken).ConfigureAwait(false);
            EmitVerbose($"Account {identity.Account}, region {session.Region}: {Describe(options)}.");
            using var reader = new IdleResourceReader(session, identity.Account);
            var collection = await IdleCleanupCollector.CollectAsync(reader, new CloudWatchClient(session), options, now,
                p => EmitProgress(new ProgressRecord(ProgressId, Activity, p.Phase) { PercentComplete = p.Total == 0 ? -1 : Math.Min(99, 100 * p.Done / p.Total) }),
                failure => EmitError(failure.Error, $"{session.Region} {failure.Listing}"),
                cancellationToken).ConfigureAwait(false);
            EmitVerbose($"Listed {collection.Resources.Count} resource(s) in {collection.ListingTime.TotalMilliseconds:0} ms; read {collection.MetricQueries} metric queries "
                + $"in {collection.GetMetricDataCalls} GetMetricData call(s) in {collection.MetricsTime.TotalMilliseconds:0} ms.");

            var plan = CleanupPlanner.Plan(collection.Resources, options, now);
            EmitVerbose($"Plan: {plan.Items.Count} idle or marked resource(s) in {string.Join(", ", options.Environments)}; {plan.Writes} write(s), {plan.Actions} of them actions "
                + $"(-MaxActions {options.MaxActions}); out of scope: {string.Join(", ", plan.ScopeCounts.Where(c => c.Key != ScopeReason.InScope).Select(c => $"{c.Key} {c.Value}"))}.");

            var gateway = new IdleCleanupGateway(reader, options) { OnStep = step => EmitProgress(new ProgressRecord(ProgressId, Activity, step)) };
            var results = new List<IdleCleanupResult>();
            var done = 0;
            foreach (var item in plan.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = item.IsWrite
                    ? await ApplyAsync(item, gateway, whatIf, skipPrompts, cancellationToken).ConfigureAwait(false)
                    : IdleCleanupResult.Planned(item);
                done++;
                if (item.IsWrite)
                {
                    EmitProgress(new ProgressRecord(ProgressId, Activity, $"{done} of {plan.Items.Count}: {item}") { PercentComplete = 100 * done / plan.Items.Count });
                }

                if (result is not null)
                {
                    results.Add(result);
                    EmitObject(result);
                }
            }

            EmitProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            var calls = CallCounter.Snapshot();
            EmitObject(IdleCleanupSummary.Create(plan, options, results, session.Region, identity.Account, collection.MetricQueries, collection.GetMetricDataCalls, calls, clock.Elapsed));
            EmitVerbose($"AWS calls: {CallCounter.Total} ({string.Join(", ", calls.Select(c => $"{c.Key} {c.Value}"))}).");
        });
    }

    /// <summary>One write: ShouldProcess (skipped by -Force unless -Confirm is given; -WhatIf only shows it), then the gateway. Null under -WhatIf.</summary>
    private async Task<IdleCleanupResult?> ApplyAsync(CleanupPlanItem item, IdleCleanupGateway gateway, bool whatIf, bool skipPrompts, CancellationToken cancellationToken)
    {
        var decision = ProcessDecision.Proceed;
        if (whatIf || !skipPrompts)
        {
            try
            {
                decision = await ShouldProcessAsync(item.Resource.Arn, item.Describe()).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is PSInvalidOperationException or HostException)
            {
                throw new WAOpsException(CleanupErrorIds.ConfirmationRequired, ErrorKind.InvalidOperation,
                    $"'{item.Describe()}' needs confirmation, and this host cannot ask ({ex.Message}). Nothing more was changed.", item.Resource.Arn)
                { RecommendedAction = "In scheduled jobs add -Force (or -Confirm:$false) once a report-only run shows what would happen." };
            }
        }
        else
        {
            EmitVerbose($"Performing the operation \"{item.Describe()}\" on target \"{item.Resource.Arn}\" (-Force).");
        }

        switch (decision)
        {
            case ProcessDecision.WhatIf:
                return null;
            case ProcessDecision.Declined:
                return IdleCleanupResult.Skipped(item, "declined at the confirmation prompt");
        }

        try
        {
            var outcome = await gateway.ApplyAsync(item, cancellationToken).ConfigureAwait(false);
            return outcome.Done
                ? IdleCleanupResult.Done(item, outcome.Note, outcome.BackupSnapshotIds)
                : IdleCleanupResult.Skipped(item, outcome.Note ?? "skipped", outcome.BackupSnapshotIds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One resource failing never stops the others: a non-terminating error and a Failed result.
            EmitError(ex, item.Resource.Arn);
            return IdleCleanupResult.Failed(item, ex.Message, ex is WAOpsException waops ? waops.ErrorId : ErrorRecords.UnexpectedErrorId);
        }
    }

    private static string Describe(CleanupOptions options) =>
        (options.MarkOnly ? "mark only" : options.Level == CleanupLevel.Report ? "report only" : $"-Action {options.Level}")
        + $", environments {string.Join(", ", options.Environments)}, criteria {string.Join(", ", options.Criteria)}"
        + (options.Writes ? $", grace period {options.GracePeriodDays} day(s), at most {options.MaxActions} action(s)" : string.Empty);

    private static IReadOnlyDictionary<string, object?> ToDictionary(Hashtable table)
    {
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in table)
        {
            var key = (entry.Key is PSObject k ? k.BaseObject : entry.Key)?.ToString() ?? string.Empty;
            result[key] = entry.Value is PSObject v ? v.BaseObject : entry.Value;
        }

        return result;
    }
}
