using System.Collections;
using System.Management.Automation;
using WAOps.Aws.Appliers;
using WAOps.Aws.Cleanup;
using WAOps.Engine.Cleanup;
using WAOps.Engine.Runs;
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

    protected override int ProgressId => 61;

    protected override void EndProcessing()
    {
        // Every input is checked before anything is read or written.
        var options = Checked(() => CleanupOptions.Validate(new CleanupRequest
        {
            Environments = Environment,
            ExclusionTag = ExclusionTag,
            OlderThanDays = OlderThanDays,
            Criteria = Criterion,
            Thresholds = Threshold is null ? null : HashtableValues.ToObjects(Threshold),
            Level = Enum.Parse<CleanupLevel>(Action, ignoreCase: true),
            MarkOnly = MarkOnly,
            GracePeriodDays = GracePeriodDays,
            MaxActions = MaxActions,
            SnapshotTimeoutMinutes = SnapshotTimeoutMinutes,
        }));
        var session = ResolveSession();
        RunAsync(async cancellationToken =>
        {
            using var source = new IdleSource(session);
            var run = new CleanupRun(source, () => new CleanupApplier(source.Reader, options) { OnStep = step => AsRunHost().Progress(new RunProgress(step)) });
            await run.ExecuteAsync(options, AsRunHost(), CallCounter.Snapshot, cancellationToken).ConfigureAwait(false);
        });
        ReportCalls();
    }
}
