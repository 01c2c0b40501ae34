using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;
using WAOps.Engine.Errors;
using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Waivers;
using WAOps.Engine.Reports;
using WAOps.Engine.Templates;
using WAOps.PowerShell.Infrastructure;

namespace WAOps.PowerShell.Commands;

/// <summary>
/// -TemplatePath: judges CloudFormation templates and Terraform plans with the same rules, without calling AWS. Every
/// file is read (and every -TemplateParameter checked) before any rule runs, so bad input stops the cmdlet with nothing
/// judged; then each file's inventory is judged and its findings carry the file, line and column.
/// </summary>
public sealed partial class TestWAQualityGateCommand
{
    private void JudgeTemplates(RuleSelection selection, GateOptions options, GateScope scope, WaiverSet waivers, string? report, Severity? failOn, DateTimeOffset startedAt)
    {
        var readOptions = new TemplateReadOptions
        {
            Region = Region is { Length: > 0 } ? Region[0] : System.Environment.GetEnvironmentVariable("AWS_REGION") ?? System.Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? "us-east-1",
            Parameters = TemplateParameters(),
        };

        var paths = ResolveTemplatePaths();
        var read = new List<TemplateReadResult>();
        foreach (var path in paths)
        {
            read.Add(Checked(() => TemplateReader.Read(path, readOptions)));
        }

        var declared = read.SelectMany(r => r.ParameterNames).ToHashSet(StringComparer.Ordinal);
        foreach (var name in readOptions.Parameters.Keys.Where(k => !declared.Contains(k)))
        {
            Terminate(TemplateErrorIds.UnknownTemplateParameter, ErrorKind.InvalidArgument,
                $"-TemplateParameter {name} names no parameter of {string.Join(", ", paths.Select(Path.GetFileName))} (they declare: {(declared.Count == 0 ? "none" : string.Join(", ", declared.Order(StringComparer.Ordinal)))}).", name);
        }

        WriteVerbose($"Rule set {selection.RuleSet.Id}: {selection.Rules.Count} rule(s); {read.Count} template(s) and plan(s), AWS::Region {readOptions.Region}; fail on {FailOn}.");
        var evaluator = new GateEvaluator(selection, options, scope, waivers);
        var summarizer = new GateSummarizer(selection, failOn, startedAt);
        var findings = report is null ? null : new List<GateFinding>();
        foreach (var result in read)
        {
            foreach (var note in result.Notes)
            {
                WriteWarning(note);
            }

            summarizer.AddTemplate(result.Path);
            WriteVerbose($"{result.Path}: {result.Format}, {result.ModelledResources} resource(s) of the kinds the gates judge.");
            foreach (var finding in evaluator.Evaluate(result.Inventory))
            {
                summarizer.Add(finding);
                findings?.Add(finding);
                if (!SummaryOnly && (IncludePassed || finding.Status is not (GateStatus.Pass or GateStatus.NotApplicable)))
                {
                    WriteObject(finding);
                }
            }
        }

        summarizer.AddRegions(new[] { readOptions.Region });
        var summary = summarizer.Summarize(waivers, scope.Description, DateTimeOffset.UtcNow);
        foreach (var unused in summary.UnusedWaivers)
        {
            WriteVerbose($"The waiver for {unused.Rule} on {unused.Resource} ({unused.Source}) matched no finding.");
        }

        if (report is { } outFile && findings is not null)
        {
            var format = Enum.Parse<ReportFormat>(OutputFormat!);
            Checked(() =>
            {
                GateReportWriter.WriteFile(new GateReport
                {
                    Selection = selection,
                    Findings = findings,
                    Summary = summary,
                    ToolVersion = ModuleVersion(),
                    BaseDirectory = SessionState.Path.CurrentFileSystemLocation.Path,
                }, format, outFile);
                return true;
            });
            WriteVerbose($"{format} report written to {outFile}.");
        }

        WriteObject(summary);
    }

    /// <summary>-TemplatePath entries resolved (wildcards allowed); a path that matches nothing is TemplateNotFound.</summary>
    private List<string> ResolveTemplatePaths()
    {
        var paths = new List<string>();
        foreach (var entry in TemplatePath!)
        {
            if (WildcardPattern.ContainsWildcardCharacters(entry))
            {
                Collection<string>? matched = null;
                try
                {
                    matched = SessionState.Path.GetResolvedProviderPathFromPSPath(entry, out _);
                }
                catch (ItemNotFoundException)
                {
                }

                if (matched is null || matched.Count == 0)
                {
                    Terminate(TemplateErrorIds.TemplateNotFound, ErrorKind.ObjectNotFound, $"-TemplatePath '{entry}' matches no file.", entry);
                }

                paths.AddRange(matched!.Where(File.Exists));
            }
            else
            {
                paths.Add(ResolvePath(entry));
            }
        }

        return paths.Distinct(StringComparer.Ordinal).ToList();
    }

    private Dictionary<string, string> TemplateParameters()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in TemplateParameter ?? new Hashtable())
        {
            var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            values[entry.Key.ToString()!] = value switch
            {
                null => string.Empty,
                bool flag => flag ? "true" : "false",
                string text => text,
                IEnumerable list => string.Join(",", list.Cast<object?>().Select(i => i is PSObject p ? p.BaseObject : i)),
                IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString() ?? string.Empty,
            };
        }

        return values;
    }
}
