using System.Collections;
using System.Management.Automation;
using WAOps.Aws.Appliers;
using WAOps.Aws.Services.Budgets;
using WAOps.Aws.Services.Sns;
using WAOps.Aws.Services.Sts;
using WAOps.Aws.Session;
using WAOps.Engine.Budgets;
using WAOps.Engine.Errors;
using WAOps.Engine.Runs;
using WAOps.PowerShell.Infrastructure;

namespace WAOps.PowerShell.Commands;

/// <summary>
/// Creates an AWS budget with alerts (by default FORECASTED at 50, 80 and 100 % and ACTUAL at 100 %), or corrects
/// an existing one in place: reads the budget, its notifications and their subscribers, plans the differences and
/// applies them change by change (ShouldProcess for each). Never re-creates a budget. One budget per pipeline
/// object, so a CSV of projects and amounts makes one budget per row.
/// </summary>
[Cmdlet(VerbsCommon.Set, "WABudgetAlert", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ProjectSet)]
[OutputType("WAOps.ChangeResult", "WAOps.BudgetState")]
public sealed class SetWABudgetAlertCommand : WAOpsAwsCmdlet
{
    private const string ProjectSet = "Project";
    private const string CostFilterSet = "CostFilter";

    private AwsSession? _session;
    private BudgetRun? _run;
    private int _budgets;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Amount { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string Currency { get; set; } = "USD";

    // A string, not the engine's enum: PowerShell reflects parameter types when it imports the module, before the
    // module initializer can load WAOps.Engine into WAOps' own load context.
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("Daily", "Monthly", "Quarterly", "Annually")]
    public string TimeUnit { get; set; } = "Monthly";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("BudgetName")]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ProjectSet, ValueFromPipelineByPropertyName = true)]
    public string? Project { get; set; }

    [Parameter(ParameterSetName = CostFilterSet, Mandatory = true)]
    public Hashtable? CostFilter { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("EmailAddress")]
    public string[]? Email { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SnsTopicArn { get; set; }

    [Parameter]
    [AllowEmptyCollection]
    public double[] ForecastThreshold { get; set; } = BudgetRequest.DefaultForecastThresholds.ToArray();

    [Parameter]
    [AllowEmptyCollection]
    public double[] ActualThreshold { get; set; } = BudgetRequest.DefaultActualThresholds.ToArray();

    [Parameter]
    public SwitchParameter Prune { get; set; }

    [Parameter]
    public SwitchParameter FixTopicPolicy { get; set; }

    [Parameter]
    [Alias("RegionToCall")]
    [RegionTransformation]
    [ArgumentCompleter(typeof(RegionArgumentCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    protected override string? RequestedRegion => Region;

    protected override int ProgressId => 41;

    protected override void BeginProcessing() => _session = ResolveSession();

    protected override void ProcessRecord()
    {
        var request = new BudgetRequest
        {
            Name = Name,
            Amount = Amount,
            Currency = Currency,
            TimeUnit = Enum.Parse<BudgetTimeUnit>(TimeUnit, ignoreCase: true),
            Project = Project,
            CostFilter = CostFilter is null ? null : HashtableValues.ToLists(CostFilter),
            Emails = Email ?? Array.Empty<string>(),
            SnsTopicArns = SnsTopicArn is null ? Array.Empty<string>() : new[] { SnsTopicArn },
            ForecastThresholds = ForecastThreshold ?? Array.Empty<double>(),
            ActualThresholds = ActualThreshold ?? Array.Empty<double>(),
        };

        // One budget per pipeline object: a failure of one is reported and the next goes on. Called directly,
        // the cmdlet stops on the failure instead.
        var perItem = MyInvocation.ExpectingInput;
        RunAsync(async cancellationToken =>
        {
            try
            {
                _budgets++;
                var run = await RunFor(cancellationToken).ConfigureAwait(false);
                await run.SetAsync(request, Prune, FixTopicPolicy, AsRunHost(), cancellationToken).ConfigureAwait(false);
            }
            catch (WAOpsException ex) when (perItem)
            {
                EmitError(ex, ex.Target ?? request.Name ?? request.Project);
            }
        });
    }

    protected override void EndProcessing()
    {
        if (_budgets > 0)
        {
            WriteProgress(new ProgressRecord(ProgressId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        WriteVerbose($"{CallCounter.Total} AWS call(s) for {_budgets} budget(s).");
    }

    private async Task<BudgetRun> RunFor(CancellationToken cancellationToken)
    {
        if (_run is null)
        {
            var identity = await CallerIdentityGateway.GetAsync(_session!, cancellationToken).ConfigureAwait(false);
            var gateway = new BudgetGateway(new BudgetsClient(_session!), identity.Account, AwsRegionName.Partition(_session!.Region));
            EmitVerbose($"Budgets of account {identity.Account} (from STS), at {gateway.Client.Endpoint.BaseUri} (signed for {gateway.Client.Endpoint.SigningRegion}).");
            var topics = new TopicPolicyGateway(_session);
            _run = new BudgetRun(gateway, topics, new BudgetApplier(gateway, topics));
        }

        return _run;
    }
}
