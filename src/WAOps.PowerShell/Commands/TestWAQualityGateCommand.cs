using System.Collections;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using WAOps.Aws.Gates;
using WAOps.Aws.Inventory;
using WAOps.Aws.Services.Sts;
using WAOps.Engine.Errors;
using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Waivers;
using WAOps.Engine.Inventory;
using WAOps.Engine.Reports;
using WAOps.Engine.Tags;
using WAOps.PowerShell.Infrastructure;

namespace WAOps.PowerShell.Commands;

/// <summary>
/// Judges one or more live accounts against the quality gates: collects the inventory the selected rules need, runs
/// the rules, writes a finding per resource and rule that did not pass (all with -IncludePassed), then the gate
/// summary, and with -OutFile a SARIF, JUnit, JSON or Markdown report. Read-only.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "WAQualityGate")]
[OutputType("WAOps.GateFinding", "WAOps.GateSummary")]
public sealed partial class TestWAQualityGateCommand : WAOpsAwsCmdlet
{
    [Parameter(Position = 0)]
    [Alias("RegionToCall")]
    [RegionTransformation]
    [ArgumentCompleter(typeof(RegionArgumentCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Region { get; set; }

    [Parameter]
    public SwitchParameter AllRegions { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? AccountId { get; set; }

    [Parameter]
    public SwitchParameter AllAccounts { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AssumeRoleName { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Project { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Environment { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Hashtable? TagFilter { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? RuleSet { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Rule { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludeRule { get; set; }

    [Parameter]
    [ValidateSet("OperationalExcellence", "Security", "Reliability", "PerformanceEfficiency", "CostOptimization", "Sustainability")]
    public string[]? Pillar { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? WaiverPath { get; set; }

    [Parameter]
    [ValidateSet("Critical", "High", "Medium", "Low", "None")]
    public string FailOn { get; set; } = "Low";

    [Parameter]
    [ValidateSet("Sarif", "JUnit", "Json", "Markdown")]
    public string? OutputFormat { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    [Parameter]
    public SwitchParameter AllEnvironments { get; set; }

    [Parameter]
    public SwitchParameter RequireCustomerManagedKey { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? RequiredTag { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TagPolicyPath { get; set; }

    [Parameter]
    public SwitchParameter IncludePassed { get; set; }

    [Parameter]
    public SwitchParameter SummaryOnly { get; set; }

    /// <summary>CloudFormation templates (JSON/YAML) or Terraform plans (`terraform show -json`) to judge instead of live accounts.</summary>
    [Parameter]
    [Alias("Template")]
    [ValidateNotNullOrEmpty]
    public string[]? TemplatePath { get; set; }

    /// <summary>Template parameter values (name = value; lists comma-separated) that override the Defaults.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? TemplateParameter { get; set; }

    [Parameter]
    [ValidateRange(1, 32)]
    public int ThrottleLimit { get; set; } = 8;

    [Parameter]
    [ValidateRange(1, 16)]
    public int AccountThrottleLimit { get; set; } = 4;

    protected override string? RequestedRegion => Region is { Length: > 0 } ? Region[0] : null;

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountIdPattern();

    protected override void EndProcessing()
    {
        var startedAt = DateTimeOffset.UtcNow;
        ValidateCombinations();
        var selection = Checked(() => RuleCatalog.Select(RuleSet, Rule, ExcludeRule, Pillar?.Select(p => Enum.Parse<Pillar>(p)).ToList()));
        var options = new GateOptions
        {
            AllEnvironments = AllEnvironments,
            RequireCustomerManagedKey = RequireCustomerManagedKey,
            TagPolicy = Checked(BuildTagPolicy),
        };
        var scope = Checked(() => new GateScope(Project ?? Array.Empty<string>(), Environment ?? Array.Empty<string>(),
            TagFilter is null ? new Dictionary<string, IReadOnlyList<string>>() : HashtableValues.ToLists(TagFilter)));
        var waivers = new WaiverSet(WaiverPath is null ? Array.Empty<Waiver>() : Checked(() => WaiverFile.Load(ResolvePath(WaiverPath))),
            DateOnly.FromDateTime(DateTime.UtcNow));
        var report = OutFile is null ? null : ResolveOutFile(OutFile);
        var failOn = FailOn == "None" ? (Severity?)null : Enum.Parse<Severity>(FailOn);
        foreach (var expired in waivers.Expired)
        {
            WriteWarning($"The waiver for {expired.Rule} on {expired.Resource} ({expired.Source}, owner {expired.Owner}) expired on {expired.Expires:yyyy-MM-dd} and waives nothing.");
        }

        if (TemplatePath is not null)
        {
            JudgeTemplates(selection, options, scope, waivers, report, failOn, startedAt);
            return;
        }

        var session = ResolveSession();
        RunAsync(async cancellationToken =>
        {
            var caller = await CallerIdentityGateway.GetAsync(session, cancellationToken).ConfigureAwait(false);
            var accounts = AllAccounts
                ? await AccountTargets.OrganizationAccountsAsync(session, cancellationToken).ConfigureAwait(false)
                : AccountId is { Length: > 0 } ? AccountId.Distinct(StringComparer.Ordinal).ToList() : new List<string> { caller.Account };
            RegionSelection regions;
            if (accounts.Count == 1 && accounts[0] == caller.Account)
            {
                // One account, the caller's: a bad -Region stops the cmdlet before anything is listed.
                var validated = AllRegions
                    ? await RegionCatalogGateway.EnabledRegionsAsync(session, cancellationToken).ConfigureAwait(false)
                    : Region is { Length: > 0 }
                        ? await RegionCatalogGateway.ValidateAsync(session, Region, cancellationToken).ConfigureAwait(false)
                        : new[] { session.Region };
                regions = new RegionSelection(validated, false, Validated: true);
            }
            else
            {
                regions = new RegionSelection(Region, AllRegions);
            }

            EmitVerbose($"Rule set {selection.RuleSet.Id}: {selection.Rules.Count} rule(s) ({string.Join(", ", selection.Rules.Select(r => r.Id))}); "
                + $"account(s) {string.Join(", ", accounts)}; fail on {FailOn}" + (scope.IsEverything ? "." : $"; scope {scope.Description}."));

            var evaluator = new GateEvaluator(selection, options, scope, waivers);
            var summarizer = new GateSummarizer(selection, failOn, startedAt);
            var findings = report is null ? null : new List<GateFinding>();
            var progress = new ProgressThrottle(EmitProgress, "Test-WAQualityGate", $"Checking {accounts.Count} account(s)");
            var kinds = selection.NeededKinds;
            await foreach (var result in MultiAccountCollector.CollectAsync(session, caller.Account, accounts, AssumeRoleName, regions,
                listed => new LiveCollectionRequest
                {
                    Regions = listed,
                    Kinds = kinds,
                    ResolveKeyOwnership = RequireCustomerManagedKey,
                    MaxConcurrency = ThrottleLimit,
                    MaxResourceConcurrency = ThrottleLimit * 2,
                },
                AccountThrottleLimit,
                p => progress.Report($"account {p.AccountId}: {p.ListingsDone} of {p.ListingsTotal} listings ({p.LastListing})", p.ListingsDone, p.ListingsTotal),
                failure => EmitError(new WAOpsException(GateAccountErrorIds.InventoryListingFailed, (failure.Error as WAOpsException)?.Kind ?? ErrorKind.NotSpecified,
                    $"{failure.Listing} failed in account {failure.AccountId} ({failure.Region}): {failure.Error.Message}", null, failure.Error), $"{failure.AccountId} {failure.Region} {failure.Listing}"),
                cancellationToken).ConfigureAwait(false))
            {
                if (result.Error is { } error || result.Inventory is null)
                {
                    summarizer.AddFailedAccount(result.AccountId);
                    EmitError(result.Error ?? new WAOpsException(GateAccountErrorIds.AccountUnavailable, ErrorKind.NotSpecified, $"Account {result.AccountId} could not be checked."), result.AccountId);
                    continue;
                }

                summarizer.AddAccount(result.AccountId);
                summarizer.AddRegions(result.Regions);
                EmitVerbose($"Account {result.AccountId}: {result.Inventory.Count} resources in {string.Join(", ", result.Regions)}.");
                foreach (var finding in evaluator.Evaluate(result.Inventory))
                {
                    summarizer.Add(finding);
                    findings?.Add(finding);
                    if (!SummaryOnly && (IncludePassed || finding.Status is not (GateStatus.Pass or GateStatus.NotApplicable)))
                    {
                        EmitObject(finding);
                    }
                }
            }

            progress.Complete();
            var summary = summarizer.Summarize(waivers, scope.Description, DateTimeOffset.UtcNow);
            foreach (var unused in summary.UnusedWaivers)
            {
                EmitVerbose($"The waiver for {unused.Rule} on {unused.Resource} ({unused.Source}) matched no finding.");
            }

            if (report is { } path && findings is not null)
            {
                var format = Enum.Parse<ReportFormat>(OutputFormat!);
                GateReportWriter.WriteFile(new GateReport
                {
                    Selection = selection,
                    Findings = findings,
                    Summary = summary,
                    ToolVersion = ModuleVersion(),
                    BaseDirectory = SessionState.Path.CurrentFileSystemLocation.Path,
                }, format, path);
                EmitVerbose($"{format} report written to {path}.");
            }

            EmitVerbose($"AWS calls: {CallCounter.Total} ({string.Join(", ", CallCounter.Snapshot().Select(c => $"{c.Key} {c.Value}"))}).");
            EmitObject(summary);
        });
    }

    private void ValidateCombinations()
    {
        void Conflict(string message) => Terminate(ParameterErrorIds.ConflictingParameters, ErrorKind.InvalidArgument, message, null);
        if (AllRegions && Region is { Length: > 0 })
        {
            Conflict("Give -Region or -AllRegions, not both.");
        }

        if (AllAccounts && AccountId is { Length: > 0 })
        {
            Conflict("Give -AccountId or -AllAccounts, not both.");
        }

        if (AssumeRoleName is not null && !AllAccounts && AccountId is not { Length: > 0 })
        {
            Conflict("-AssumeRoleName is used with -AccountId or -AllAccounts (the role assumed in each other account).");
        }

        if (RequiredTag is not null && TagPolicyPath is not null)
        {
            Conflict("Give -RequiredTag or -TagPolicyPath, not both.");
        }

        if (TemplatePath is not null && (AllRegions || AccountId is not null || AllAccounts || AssumeRoleName is not null || (Region is { Length: > 1 })))
        {
            Conflict("-TemplatePath judges templates and plans, not accounts: leave out -AllRegions, -AccountId, -AllAccounts and -AssumeRoleName (-Region names the one region AWS::Region stands for).");
        }

        if (TemplateParameter is not null && TemplatePath is null)
        {
            Conflict("-TemplateParameter gives values to the parameters of -TemplatePath templates; give -TemplatePath too.");
        }

        if (IncludePassed && SummaryOnly)
        {
            Conflict("Give -IncludePassed or -SummaryOnly, not both.");
        }

        foreach (var account in AccountId ?? Array.Empty<string>())
        {
            if (!AccountIdPattern().IsMatch(account))
            {
                Terminate(ParameterErrorIds.InvalidAccountId, ErrorKind.InvalidArgument, $"'{account}' is not an AWS account id (12 digits).", account);
            }
        }

        if (OutFile is not null && OutputFormat is null)
        {
            Terminate(ParameterErrorIds.MissingOutputFormat, ErrorKind.InvalidArgument, "-OutFile needs -OutputFormat (Sarif, JUnit, Json or Markdown).", OutFile);
        }

        if (OutputFormat is not null && OutFile is null)
        {
            Terminate(ParameterErrorIds.MissingOutFile, ErrorKind.InvalidArgument, $"-OutputFormat {OutputFormat} needs -OutFile, the path the report is written to.", OutputFormat);
        }
    }

    private TagPolicy BuildTagPolicy()
    {
        if (TagPolicyPath is not null)
        {
            return TagPolicyFile.Load(ResolvePath(TagPolicyPath));
        }

        return RequiredTag is null ? TagPolicy.Default : TagPolicy.Create(RequiredTag, null, null, "-RequiredTag");
    }

    /// <summary>The report path, checked now (its directory must exist, it must not be a directory) so a long run never ends in an unwritable path.</summary>
    private string ResolveOutFile(string outFile)
    {
        var path = ResolvePath(outFile);
        var directory = Path.GetDirectoryName(path);
        if (Directory.Exists(path) || string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
        {
            Terminate(ParameterErrorIds.InvalidOutFile, ErrorKind.WriteError,
                Directory.Exists(path) ? $"-OutFile '{path}' is a directory; name a file." : $"-OutFile '{path}' cannot be written: the directory '{directory}' does not exist.", outFile);
        }

        try
        {
            // Probe that the directory takes a file, without touching an existing report.
            var probe = Path.Combine(directory!, $".waops-write-check-{System.Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Terminate(ParameterErrorIds.InvalidOutFile, ErrorKind.WriteError, $"-OutFile '{path}' cannot be written: {ex.Message}", outFile);
        }

        return path;
    }

    private string ResolvePath(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

    private T Checked<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (WAOpsException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
            throw;
        }
    }

    private static string ModuleVersion()
    {
        var version = typeof(TestWAQualityGateCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus > 0 ? version[..plus] : version;
    }
}
