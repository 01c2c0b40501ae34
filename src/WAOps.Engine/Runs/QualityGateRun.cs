using WAOps.Engine.Errors;
using WAOps.Engine.Gates;
using WAOps.Engine.Inventory;
using WAOps.Engine.Reports;
using WAOps.Engine.Templates;

namespace WAOps.Engine.Runs;

/// <summary>
/// Test-WAQualityGate's run: inventories in (live accounts through a source, or templates and plans read from files),
/// one judging loop for both: the rules' findings (those that did not pass, or all with -IncludePassed), the gate
/// summary last, and with -OutFile a report.
/// </summary>
public sealed class QualityGateRun
{
    private readonly GateRunSettings _settings;
    private readonly GateEvaluator _evaluator;
    private readonly GateSummarizer _summarizer;
    private readonly List<GateFinding>? _findings;

    public QualityGateRun(GateRunSettings settings)
    {
        _settings = settings;
        _evaluator = new GateEvaluator(settings.Selection, settings.Options, settings.Scope, settings.Waivers);
        _summarizer = new GateSummarizer(settings.Selection, settings.FailOn, settings.StartedAt);
        _findings = settings.Report is null ? null : new List<GateFinding>();
    }

    /// <summary>Judges live accounts: the ones and the regions <paramref name="input"/> names, or the caller's in the session's region.</summary>
    public async Task ExecuteLiveAsync(IAccountInventorySource source, LiveGateRequest input, IRunHost host, CancellationToken cancellationToken)
    {
        var caller = await source.CallerAccountAsync(cancellationToken).ConfigureAwait(false);
        var accounts = input.AllAccounts
            ? await source.OrganizationAccountsAsync(cancellationToken).ConfigureAwait(false)
            : input.AccountIds is { Count: > 0 } ids ? ids.Distinct(StringComparer.Ordinal).ToList() : new List<string> { caller };
        RegionSelection regions;
        if (accounts.Count == 1 && accounts[0] == caller)
        {
            // One account, the caller's: a bad -Region stops the run before anything is listed.
            var validated = input.AllRegions
                ? await source.EnabledRegionsAsync(cancellationToken).ConfigureAwait(false)
                : input.Regions is { Count: > 0 } named
                    ? await source.ValidateRegionsAsync(named, cancellationToken).ConfigureAwait(false)
                    : new[] { source.Region };
            regions = new RegionSelection(validated, false, Validated: true);
        }
        else
        {
            regions = new RegionSelection(input.Regions, input.AllRegions);
        }

        var selection = _settings.Selection;
        host.Verbose($"Rule set {selection.RuleSet.Id}: {selection.Rules.Count} rule(s) ({string.Join(", ", selection.Rules.Select(r => r.Id))}); "
            + $"account(s) {string.Join(", ", accounts)}; fail on {_settings.FailOnText}" + (_settings.Scope.IsEverything ? "." : $"; scope {_settings.Scope.Description}."));

        var scope = new LiveGateScope
        {
            CallerAccount = caller,
            Accounts = accounts,
            RoleName = input.RoleName,
            Regions = regions,
            Kinds = selection.NeededKinds,
            ResolveKeyOwnership = _settings.Options.RequireCustomerManagedKey,
            ThrottleLimit = input.ThrottleLimit,
            AccountThrottleLimit = input.AccountThrottleLimit,
        };
        var progress = new ThrottledProgress(host, $"Checking {accounts.Count} account(s)");
        await foreach (var result in source.CollectAsync(scope,
            p => progress.Report(() => $"account {p.AccountId}: {p.ListingsDone} of {p.ListingsTotal} listings ({p.LastListing})", p.ListingsDone, p.ListingsTotal),
            failure => host.Error(new WAOpsException(GateErrorIds.InventoryListingFailed, failure.Error.Kind,
                $"{failure.Listing} failed in account {failure.AccountId} ({failure.Region}): {failure.Error.Message}", null, failure.Error), failure.Where),
            cancellationToken).ConfigureAwait(false))
        {
            if (result.Error is not null || result.Inventory is null)
            {
                _summarizer.AddFailedAccount(result.AccountId);
                host.Error(result.Error ?? new WAOpsException(GateErrorIds.AccountUnavailable, ErrorKind.NotSpecified, $"Account {result.AccountId} could not be checked."),
                    result.AccountId);
                continue;
            }

            _summarizer.AddAccount(result.AccountId);
            _summarizer.AddRegions(result.Regions);
            host.Verbose($"Account {result.AccountId}: {result.Inventory.Count} resources in {string.Join(", ", result.Regions)}.");
            Judge(result.Inventory, host);
        }

        host.Progress(RunProgress.Done);
        Finish(host);
    }

    /// <summary>
    /// Judges templates and plans without calling AWS. Every file is read (and every parameter value checked) before any
    /// rule runs, so bad input stops the run with nothing judged; each finding carries its file, line and column.
    /// </summary>
    public void ExecuteTemplates(IReadOnlyList<string> paths, TemplateReadOptions readOptions, IRunHost host)
    {
        var read = paths.Select(path => TemplateReader.Read(path, readOptions)).ToList();
        var declared = read.SelectMany(r => r.ParameterNames).ToHashSet(StringComparer.Ordinal);
        foreach (var name in readOptions.Parameters.Keys.Where(k => !declared.Contains(k)))
        {
            throw new WAOpsException(TemplateErrorIds.UnknownTemplateParameter, ErrorKind.InvalidArgument,
                $"-TemplateParameter {name} names no parameter of {string.Join(", ", paths.Select(Path.GetFileName))} "
                + $"(they declare: {(declared.Count == 0 ? "none" : string.Join(", ", declared.Order(StringComparer.Ordinal)))}).", name);
        }

        host.Verbose($"Rule set {_settings.Selection.RuleSet.Id}: {_settings.Selection.Rules.Count} rule(s); {read.Count} template(s) and plan(s), "
            + $"AWS::Region {readOptions.Region}; fail on {_settings.FailOnText}.");
        foreach (var result in read)
        {
            foreach (var note in result.Notes)
            {
                host.Warning(note);
            }

            _summarizer.AddTemplate(result.Path);
            host.Verbose($"{result.Path}: {result.Format}, {result.ModelledResources} resource(s) of the kinds the gates judge.");
            Judge(result.Inventory, host);
        }

        _summarizer.AddRegions(new[] { readOptions.Region });
        Finish(host);
    }

    private void Judge(ResourceInventory inventory, IRunHost host)
    {
        var shown = new List<object>();
        foreach (var finding in _evaluator.Evaluate(inventory))
        {
            _summarizer.Add(finding);
            _findings?.Add(finding);
            if (!_settings.SummaryOnly && (_settings.IncludePassed || finding.Status is not (GateStatus.Pass or GateStatus.NotApplicable)))
            {
                shown.Add(finding);
            }
        }

        host.EmitMany(shown);
    }

    private void Finish(IRunHost host)
    {
        var summary = _summarizer.Summarize(_settings.Waivers, _settings.Scope.Description, DateTimeOffset.UtcNow);
        foreach (var unused in summary.UnusedWaivers)
        {
            host.Verbose($"The waiver for {unused.Rule} on {unused.Resource} ({unused.Source}) matched no finding.");
        }

        if (_settings.Report is { } report && _findings is not null)
        {
            GateReportWriter.WriteFile(new GateReport
            {
                Selection = _settings.Selection,
                Findings = _findings,
                Summary = summary,
                ToolVersion = _settings.ToolVersion,
                BaseDirectory = _settings.BaseDirectory,
            }, report.Format, report.Path);
            host.Verbose($"{report.Format} report written to {report.Path}.");
        }

        host.Emit(summary);
    }
}
