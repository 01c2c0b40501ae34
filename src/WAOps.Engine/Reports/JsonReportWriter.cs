using System.Text.Json;
using System.Text.Json.Serialization;
using WAOps.Engine.Gates;

namespace WAOps.Engine.Reports;

/// <summary>
/// Writes the whole run as JSON: tool, rule set, summary, the rules judged with and every finding (Pass and
/// NotApplicable included), with the same property names as the objects Test-WAQualityGate writes, so
/// ConvertFrom-Json gives back what the pipeline had.
/// </summary>
public static class JsonReportWriter
{
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write(GateReport report, Stream output)
    {
        var document = new
        {
            SchemaVersion,
            Tool = new { Name = report.ToolName, Version = report.ToolVersion },
            RuleSet = report.Selection.RuleSet.Id,
            Summary = new
            {
                report.Summary.Passed,
                FailOn = report.Summary.FailOn?.ToString() ?? "None",
                report.Summary.RuleSet,
                report.Summary.Rules,
                report.Summary.Resources,
                report.Summary.Findings,
                report.Summary.Pass,
                report.Summary.Fail,
                report.Summary.Unknown,
                report.Summary.Error,
                report.Summary.NotApplicable,
                report.Summary.Waived,
                report.Summary.Blocking,
                Accounts = report.Summary.Accounts.ToArray(),
                Regions = report.Summary.Regions.ToArray(),
                FailedAccounts = report.Summary.FailedAccounts.ToArray(),
                report.Summary.Scope,
                report.Summary.StartedAt,
                report.Summary.CompletedAt,
                report.Summary.ByRule,
                report.Summary.BySeverity,
                ExpiredWaivers = report.Summary.ExpiredWaivers.Select(Waiver),
                UnusedWaivers = report.Summary.UnusedWaivers.Select(Waiver),
            },
            Rules = report.Selection.Rules.Select(r => new
            {
                r.Id,
                r.Title,
                r.Description,
                r.Remediation,
                Gate = (int)r.Gate,
                GateName = r.Gate.ToString(),
                r.Pillar,
                r.Severity,
                AppliesTo = r.AppliesTo.Select(k => k.Name),
                r.ProductionOnly,
            }),
            Findings = report.Findings.Select(f => new
            {
                f.RuleId,
                f.Title,
                Gate = (int)f.Gate,
                f.Pillar,
                f.Severity,
                f.Status,
                f.Reason,
                f.Detail,
                f.ResourceArn,
                f.ResourceType,
                f.ResourceId,
                f.Name,
                f.AccountId,
                f.Region,
                f.Environment,
                f.Project,
                Location = f.Location is null ? null : new { f.Location.File, f.Location.Line, f.Location.Column, f.Location.PropertyPath },
                Waiver = f.Waiver is null ? null : Waiver(f.Waiver),
                f.WaiverExpired,
                Blocking = GateSummarizer.IsBlocking(f.Status, f.Severity, report.Summary.FailOn),
                f.Remediation,
            }),
        };
        JsonSerializer.Serialize(output, document, Options);
    }

    private static object Waiver(Gates.Waivers.Waiver w) => new
    {
        w.Rule,
        w.Resource,
        w.Reason,
        w.Owner,
        Expires = w.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        w.Source,
    };
}
