using System.Collections;
using System.Management.Automation;
using System.Text.RegularExpressions;
using WAOps.Aws.Gates;
using WAOps.Engine.Errors;
using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Waivers;
using WAOps.Engine.Reports;
using WAOps.Engine.Runs;
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
        var scope = Checked(() => new GateScope(Project ?? Array.Empty<string>(), Environment ?? Array.Empty<string>(),
            TagFilter is null ? new Dictionary<string, IReadOnlyList<string>>() : HashtableValues.ToLists(TagFilter)));
        var waivers = new WaiverSet(WaiverPath is null ? Array.Empty<Waiver>() : Checked(() => WaiverFile.Load(ResolvePath(WaiverPath))),
            DateOnly.FromDateTime(DateTime.UtcNow));
        var settings = new GateRunSettings
        {
            Selection = selection,
            Options = new GateOptions { AllEnvironments = AllEnvironments, RequireCustomerManagedKey = RequireCustomerManagedKey, TagPolicy = Checked(BuildTagPolicy) },
            Scope = scope,
            Waivers = waivers,
            FailOn = FailOn == "None" ? null : Enum.Parse<Severity>(FailOn),
            FailOnText = FailOn,
            Report = OutFile is null ? null : (Checked(() => OutputFile.Check(ResolvePath(OutFile))), Enum.Parse<ReportFormat>(OutputFormat!)),
            IncludePassed = IncludePassed,
            SummaryOnly = SummaryOnly,
            ToolVersion = ModuleVersion(),
            BaseDirectory = SessionState.Path.CurrentFileSystemLocation.Path,
            StartedAt = startedAt,
        };
        foreach (var expired in waivers.Expired)
        {
            WriteWarning($"The waiver for {expired.Rule} on {expired.Resource} ({expired.Source}, owner {expired.Owner}) expired on {expired.Expires:yyyy-MM-dd} and waives nothing.");
        }

        var run = new QualityGateRun(settings);
        if (TemplatePath is not null)
        {
            JudgeTemplates(run);
            return;
        }

        var session = ResolveSession();
        var request = new LiveGateRequest
        {
            Regions = Region,
            AllRegions = AllRegions,
            AccountIds = AccountId,
            AllAccounts = AllAccounts,
            RoleName = AssumeRoleName,
            ThrottleLimit = ThrottleLimit,
            AccountThrottleLimit = AccountThrottleLimit,
        };
        RunAsync(cancellationToken => run.ExecuteLiveAsync(new AccountInventorySource(session), request, AsRunHost(), cancellationToken));
        ReportCalls();
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
}
