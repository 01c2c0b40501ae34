using System.Globalization;
using System.Text.Json;
using WAOps.Engine.Gates;

namespace WAOps.Engine.Reports;

/// <summary>
/// Writes SARIF 2.1.0: one run, the selected rules as reportingDescriptors (level by severity, GitHub's
/// security-severity, pillar and gate as tags), and one result per finding that did not pass. Fail, Unknown and Error
/// findings are results of kind "fail" (Unknown and Error cannot be shown compliant); Waived findings carry an
/// accepted external suppression with the waiver's reason, owner and expiry. Template findings have a physical
/// location (file, line, column) so code scanning annotates the line; live findings a logical location (the ARN).
/// Passing and not-applicable findings are counted in the run's properties, not listed.
/// </summary>
public static class SarifReportWriter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    public static void Write(GateReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        var rules = report.Selection.Rules;
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", report.ToolName);
        json.WriteString("version", report.ToolVersion);
        json.WriteString("semanticVersion", report.ToolVersion);
        json.WriteString("informationUri", report.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("automationDetails");
        json.WriteString("id", $"waops/quality-gate/{report.Selection.RuleSet.Id}/");
        json.WriteEndObject();

        WriteInvocation(json, report);

        json.WriteStartArray("results");
        foreach (var finding in report.Problems)
        {
            WriteResult(json, finding, ruleIndex, report);
        }

        json.WriteEndArray();

        json.WriteStartObject("properties");
        WriteSummaryProperties(json, report.Summary);
        json.WriteEndObject();

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, IGateRule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", ReportText.PascalName(rule.Id));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Description);
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", $"{rule.Description} Remediation: {rule.Remediation}");
        json.WriteString("markdown", $"{rule.Description}\n\n**Remediation:** {rule.Remediation}\n\nGate {(int)rule.Gate}, pillar {rule.Pillar}, severity {rule.Severity}.");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.Severity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue(rule.Pillar.ToString());
        json.WriteStringValue($"gate-{(int)rule.Gate}-{rule.Gate}");
        json.WriteStringValue("well-architected");
        json.WriteEndArray();
        json.WriteString("security-severity", ReportText.SecuritySeverity(rule.Severity));
        json.WriteString("severity", rule.Severity.ToString());
        json.WriteString("pillar", rule.Pillar.ToString());
        json.WriteNumber("gate", (int)rule.Gate);
        json.WriteString("gateName", rule.Gate.ToString());
        json.WriteString("appliesTo", string.Join(", ", rule.AppliesTo.Select(k => k.Name)));
        json.WriteBoolean("productionOnly", rule.ProductionOnly);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, GateReport report)
    {
        var summary = report.Summary;
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", summary.FailedAccounts.Count == 0);
        json.WriteString("startTimeUtc", summary.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteString("endTimeUtc", summary.CompletedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        var notes = summary.ExpiredWaivers.Select(w => ("warning", $"Waiver expired on {w.Expires:yyyy-MM-dd} and waives nothing: {w} ({w.Source})"))
            .Concat(summary.UnusedWaivers.Select(w => ("note", $"Waiver matched no finding: {w} ({w.Source})")))
            .Concat(summary.FailedAccounts.Select(a => ("error", $"Account {a} could not be checked.")))
            .ToList();
        if (notes.Count > 0)
        {
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var (level, text) in notes)
            {
                json.WriteStartObject();
                json.WriteString("level", level);
                json.WriteStartObject("message");
                json.WriteString("text", text);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, GateFinding finding, IReadOnlyDictionary<string, int> ruleIndex, GateReport report)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (ruleIndex.TryGetValue(finding.RuleId, out var index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("kind", "fail");
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        var prefix = finding.Status switch
        {
            GateStatus.Unknown => "[Unknown] ",
            GateStatus.Error => "[Error] ",
            GateStatus.Waived => "[Waived] ",
            _ => string.Empty,
        };
        json.WriteString("text", $"{prefix}{finding.Title}: {ReportText.Subject(finding)} in {finding.AccountId} {finding.Region}: {finding.Reason}");
        json.WriteEndObject();

        json.WriteStartArray("locations");
        json.WriteStartObject();
        if (finding.Location is { } location)
        {
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", ReportText.ArtifactUri(location.File, report.BaseDirectory));
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(1, location.Line));
            json.WriteNumber("startColumn", Math.Max(1, location.Column));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("name", finding.Name ?? finding.ResourceId);
        json.WriteString("fullyQualifiedName", finding.ResourceArn);
        json.WriteString("kind", "resource");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("partialFingerprints");
        json.WriteString("waopsFinding/v1", ReportText.Fingerprint(finding));
        json.WriteEndObject();

        if (finding.Status == GateStatus.Waived && finding.Waiver is { } waiver)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("status", "accepted");
            json.WriteString("justification", $"{waiver.Reason} (owner {waiver.Owner}, until {waiver.Expires:yyyy-MM-dd})");
            json.WriteStartObject("location");
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", ReportText.ArtifactUri(waiver.File, report.BaseDirectory));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        json.WriteString("status", finding.Status.ToString());
        json.WriteString("severity", finding.Severity.ToString());
        json.WriteString("pillar", finding.Pillar.ToString());
        json.WriteNumber("gate", (int)finding.Gate);
        json.WriteString("resourceArn", finding.ResourceArn);
        json.WriteString("resourceType", finding.ResourceType);
        json.WriteString("accountId", finding.AccountId);
        json.WriteString("region", finding.Region);
        json.WriteString("reason", finding.Reason);
        json.WriteString("remediation", finding.Remediation);
        WriteOptional(json, "detail", finding.Detail);
        WriteOptional(json, "environment", finding.Environment);
        WriteOptional(json, "project", finding.Project);
        WriteOptional(json, "propertyPath", finding.Location?.PropertyPath);
        json.WriteBoolean("blocking", GateSummarizer.IsBlocking(finding.Status, finding.Severity, report.Summary.FailOn));
        if (finding.WaiverExpired && finding.Waiver is { } expired)
        {
            json.WriteString("expiredWaiver", $"{expired} ({expired.Source})");
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSummaryProperties(Utf8JsonWriter json, GateSummary summary)
    {
        json.WriteBoolean("passed", summary.Passed);
        json.WriteString("failOn", summary.FailOn?.ToString() ?? "None");
        json.WriteString("ruleSet", summary.RuleSet);
        json.WriteNumber("resources", summary.Resources);
        json.WriteNumber("pass", summary.Pass);
        json.WriteNumber("fail", summary.Fail);
        json.WriteNumber("unknown", summary.Unknown);
        json.WriteNumber("error", summary.Error);
        json.WriteNumber("notApplicable", summary.NotApplicable);
        json.WriteNumber("waived", summary.Waived);
        json.WriteNumber("blocking", summary.Blocking);
        json.WriteString("accounts", summary.Accounts.ToString());
        json.WriteString("regions", summary.Regions.ToString());
        WriteOptional(json, "scope", summary.Scope.Length == 0 ? null : summary.Scope);
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };
}
