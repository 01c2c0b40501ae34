using System.Collections;
using System.Management.Automation;
using WAOps.Aws.Monitoring;
using WAOps.Aws.Services.Sns;
using WAOps.Engine.Alarms;
using WAOps.Engine.Dashboards;
using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;
using WAOps.Engine.Monitoring;
using WAOps.Engine.Runs;
using WAOps.PowerShell.Infrastructure;

namespace WAOps.PowerShell.Commands;

/// <summary>
/// Builds the CloudWatch dashboard of a workload found by tags, by CloudFormation stack or by ARNs from the
/// pipeline, and with -IncludeAlarms the alarms AWS recommends for its resources. Plans against what CloudWatch
/// has and applies the differences, one ShouldProcess and one result per change, so a re-run changes nothing.
/// </summary>
[Cmdlet(VerbsCommon.New, "WADashboard", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType("WAOps.ChangeResult", "WAOps.DashboardDefinition")]
public sealed class NewWADashboardCommand : WAOpsAwsCmdlet
{

    private readonly List<ResourceReference> _piped = new();
    private string? _sessionRegion;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Project { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Environment { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Hashtable? TagFilter { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StackName { get; set; }

    [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Arn")]
    [ValidateNotNullOrEmpty]
    public string[]? ResourceArn { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("RegionToCall")]
    [RegionTransformation]
    [ArgumentCompleter(typeof(RegionArgumentCompleter))]
    public string? Region { get; set; }

    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? DashboardName { get; set; }

    [Parameter]
    public SwitchParameter IncludeAlarms { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Hashtable? AlarmThreshold { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? AlarmTopicArn { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Hashtable? AlarmTag { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string AlarmPrefix { get; set; } = AlarmNaming.DefaultPrefix;

    [Parameter]
    [ValidateRange(0.1, 1000)]
    public double AlarmWriteRate { get; set; } = AlarmGateway.DefaultWriteRate;

    [Parameter]
    public SwitchParameter Prune { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    protected override string? RequestedRegion => _sessionRegion;

    protected override int ProgressId => 51;

    protected override void BeginProcessing()
    {
        // -Region on the command line picks the session's region; Region values piped in pick each resource's.
        _sessionRegion = string.IsNullOrWhiteSpace(Region) ? null : Region;
    }

    protected override void ProcessRecord()
    {
        foreach (var arn in ResourceArn ?? Array.Empty<string>())
        {
            if (!ArnInput.TryParse(arn, out var parsed, out var problem))
            {
                Terminate(ParameterErrorIds.InvalidResourceArn, ErrorKind.InvalidArgument, $"'{arn}' is not an ARN: {problem}. Nothing was written.", arn);
            }

            var region = parsed.Region.Length > 0 ? parsed.Region : !string.IsNullOrWhiteSpace(Region) ? Region : _sessionRegion;
            _piped.Add(new ResourceReference(arn, region ?? string.Empty));
        }
    }

    protected override void EndProcessing()
    {
        var input = new DashboardInput
        {
            Project = Project,
            Environment = Environment,
            TagFilter = TagFilter is null ? null : HashtableValues.ToLists(TagFilter),
            StackName = StackName,
            Resources = _piped,
            DashboardName = DashboardName,
            IncludeAlarms = IncludeAlarms,
            AlarmThresholds = AlarmThreshold is null ? null : HashtableValues.ToInvariantStrings(AlarmThreshold),
            AlarmTopicArns = AlarmTopicArn,
            AlarmTags = AlarmTag is null ? null : HashtableValues.ToStrings(AlarmTag),
            AlarmPrefix = AlarmPrefix,
            AlarmWriteRateGiven = MyInvocation.BoundParameters.ContainsKey(nameof(AlarmWriteRate)),
            Prune = Prune,
            PassThru = PassThru,
            OutFile = OutFile is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile),
        };
        var options = Checked(() => DashboardOptions.Validate(input));
        var session = ResolveSession();
        if (options.Scope == DashboardScope.Arns)
        {
            options = Checked(() => DashboardOptions.Validate(input with { Resources = _piped.Select(r => r.Region.Length > 0 ? r : r with { Region = session.Region }).ToList() }));
        }

        var run = new DashboardRun(new WorkloadSource(session), new AlarmGateway(session, AlarmWriteRate), new DashboardGateway(session), new TopicPolicyGateway(session));
        RunAsync(cancellationToken => run.ExecuteAsync(options, AsRunHost(), cancellationToken));
        ReportCalls();
    }
}
