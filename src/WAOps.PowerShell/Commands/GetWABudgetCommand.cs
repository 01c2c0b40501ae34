using System.Management.Automation;
using WAOps.Aws.Services.Budgets;
using WAOps.Aws.Services.Sts;
using WAOps.Aws.Session;
using WAOps.Engine.Budgets;
using WAOps.Engine.Errors;
using WAOps.PowerShell.Infrastructure;
using WildcardPattern = WAOps.Engine.Text.WildcardPattern;

namespace WAOps.PowerShell.Commands;

/// <summary>
/// Lists the account's budgets with their notifications (alerts) and each notification's subscribers, as objects
/// for reports and quality gates. Changes nothing.
/// </summary>
[Cmdlet(VerbsCommon.Get, "WABudget")]
[OutputType("WAOps.BudgetState")]
public sealed class GetWABudgetCommand : WAOpsAwsCmdlet
{
    protected override int ProgressId => 42;
    private AwsSession? _session;
    private BudgetGateway? _gateway;

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("BudgetName")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Project { get; set; }

    [Parameter]
    public SwitchParameter NoSubscriber { get; set; }

    [Parameter]
    [Alias("RegionToCall")]
    [RegionTransformation]
    [ArgumentCompleter(typeof(RegionArgumentCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    protected override string? RequestedRegion => Region;

    protected override void BeginProcessing() => _session = ResolveSession();

    protected override void ProcessRecord()
    {
        var names = Name ?? Array.Empty<string>();
        var exact = names.Where(n => !new WildcardPattern(n).HasWildcards).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var name in exact)
        {
            // A name AWS Budgets could never hold is a typing error, refused before any call (not "not found").
            try
            {
                BudgetValidator.ValidateName(name);
            }
            catch (WAOpsException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex));
            }
        }

        var patterns = names.Select(n => new WildcardPattern(n)).Where(p => p.HasWildcards).ToArray();
        var projects = (Project ?? Array.Empty<string>()).Select(p => new WildcardPattern(p)).ToArray();
        var includeSubscribers = !NoSubscriber.IsPresent;

        RunAsync(async cancellationToken =>
        {
            var gateway = await GatewayAsync(cancellationToken).ConfigureAwait(false);
            foreach (var name in exact)
            {
                BudgetState? budget;
                try
                {
                    budget = await gateway.ReadAsync(name, includeSubscribers, cancellationToken).ConfigureAwait(false);
                }
                catch (WAOpsException ex)
                {
                    EmitError(ex, name);
                    continue;
                }

                if (budget is null)
                {
                    EmitError(new WAOpsException(BudgetErrorIds.BudgetNotFound, ErrorKind.ObjectNotFound,
                        $"Account {gateway.AccountId} has no budget named '{name}'.", name), name);
                }
                else if (MatchesProject(budget, projects))
                {
                    EmitObject(budget);
                }
            }

            if (exact.Length > 0 && patterns.Length == 0)
            {
                return;
            }

            var listed = 0;
            await foreach (var read in gateway.ListAsync(b => (patterns.Length == 0 || patterns.Any(p => p.IsMatch(b.Name))) && MatchesProject(b, projects), includeSubscribers, cancellationToken)
                .ConfigureAwait(false))
            {
                EmitProgress(new ProgressRecord(ProgressId, "Get-WABudget", $"Read {++listed} budget(s): {read.Name}"));
                if (read.Error is not null)
                {
                    EmitError(read.Error, read.Name);
                }
                else
                {
                    EmitObject(read.Budget!);
                }
            }

            if (listed > 0)
            {
                EmitProgress(new ProgressRecord(ProgressId, "Get-WABudget", "Done") { RecordType = ProgressRecordType.Completed });
            }
        });
    }

    protected override void EndProcessing() => WriteVerbose($"{CallCounter.Total} AWS call(s).");

    private static bool MatchesProject(BudgetState budget, WildcardPattern[] projects) =>
        projects.Length == 0 || (budget.Project is { } project && projects.Any(p => p.IsMatch(project)));

    private async Task<BudgetGateway> GatewayAsync(CancellationToken cancellationToken)
    {
        if (_gateway is null)
        {
            var identity = await CallerIdentityGateway.GetAsync(_session!, cancellationToken).ConfigureAwait(false);
            _gateway = new BudgetGateway(new BudgetsClient(_session!), identity.Account, AwsRegionName.Partition(_session!.Region));
            EmitVerbose($"Budgets of account {identity.Account} (from STS).");
        }

        return _gateway;
    }
}
