using System.Globalization;
using System.Text;
using WAOps.Engine.Gates;

namespace WAOps.Engine.Reports;

/// <summary>
/// Writes a Markdown summary fit for a CI job summary ($GITHUB_STEP_SUMMARY, an Azure DevOps summary, a pull request
/// comment): the verdict, counts per gate and rule, the findings that did not pass (blocking first, at most
/// <see cref="MaxRows"/> rows), and the waivers that expired or matched nothing.
/// </summary>
public static class MarkdownReportWriter
{
    /// <summary>Job summaries are limited in size (GitHub: 1 MiB); longer finding lists are cut with a note.</summary>
    public const int MaxRows = 200;

    public static void Write(GateReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(Render(report));
    }

    public static string Render(GateReport report)
    {
        var s = report.Summary;
        var md = new StringBuilder();
        md.AppendLine(s.Passed ? "## ✅ Quality gate passed" : "## ❌ Quality gate failed");
        md.AppendLine();
        var failOn = s.FailOn is null ? "nothing fails the gate (-FailOn None)" : $"fails on **{s.FailOn}** and above";
        md.AppendLine(Invariant($"Rule set `{s.RuleSet}` · {failOn} · {s.Accounts.Count} account(s) · {s.Regions.Count} region(s) · {s.Resources} resource(s) · {s.CompletedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"));
        if (s.Scope.Length > 0)
        {
            md.AppendLine().AppendLine($"Scope: {Cell(s.Scope)}");
        }

        md.AppendLine();
        md.AppendLine("| Blocking | Fail | Unknown | Error | Waived | Pass | Not applicable |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        md.AppendLine(Invariant($"| {s.Blocking} | {s.Fail} | {s.Unknown} | {s.Error} | {s.Waived} | {s.Pass} | {s.NotApplicable} |"));
        if (s.FailedAccounts.Count > 0)
        {
            md.AppendLine().AppendLine($"**Accounts not checked:** {string.Join(", ", s.FailedAccounts)}");
        }

        md.AppendLine().AppendLine("### Gates").AppendLine();
        md.AppendLine("| Gate | Rule | Severity | Fail | Unknown | Error | Waived | Pass | N/A |");
        md.AppendLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var t in s.ByRule)
        {
            var mark = t.Blocking > 0 ? "❌" : t.Fail + t.Unknown + t.Error > 0 ? "⚠️" : "✅";
            md.AppendLine(Invariant($"| {(int)t.Gate} {Gate(t.Gate)} | {mark} `{t.RuleId}` | {t.Severity} | {t.Fail} | {t.Unknown} | {t.Error} | {t.Waived} | {t.Pass} | {t.NotApplicable} |"));
        }

        var problems = report.Problems.ToList();
        if (problems.Count > 0)
        {
            md.AppendLine().AppendLine("### Findings").AppendLine();
            md.AppendLine("| | Severity | Rule | Resource | Account / region | Reason |");
            md.AppendLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var f in problems.Take(MaxRows))
            {
                var resource = f.Location is { } at ? $"`{Cell(f.ResourceId)}` ({Cell(Path.GetFileName(at.File))}:{at.Line})" : $"`{Cell(ReportText.Subject(f))}`";
                md.AppendLine($"| {Status(f, s.FailOn)} | {f.Severity} | `{f.RuleId}` | {resource} | {f.AccountId} {f.Region} | {Cell(f.Reason)} |");
            }

            if (problems.Count > MaxRows)
            {
                md.AppendLine().AppendLine(Invariant($"…and {problems.Count - MaxRows} more; see the SARIF, JUnit or JSON report for all of them."));
            }
        }

        if (s.ExpiredWaivers.Count > 0 || s.UnusedWaivers.Count > 0)
        {
            md.AppendLine().AppendLine("### Waivers").AppendLine();
            foreach (var w in s.ExpiredWaivers)
            {
                md.AppendLine($"- ⏰ **Expired** {w.Expires:yyyy-MM-dd}: `{Cell(w.Rule)}` on `{Cell(w.Resource)}` ({Cell(w.Owner)}; {Cell(w.Source)}) no longer waives anything.");
            }

            foreach (var w in s.UnusedWaivers)
            {
                md.AppendLine($"- 💤 **Unused**: `{Cell(w.Rule)}` on `{Cell(w.Resource)}` ({Cell(w.Owner)}; {Cell(w.Source)}) matched no finding.");
            }
        }

        return md.ToString();
    }

    private static string Status(GateFinding f, Severity? failOn) => f.Status switch
    {
        GateStatus.Waived => "🛡️ waived",
        GateStatus.Unknown => GateSummarizer.IsBlocking(f.Status, f.Severity, failOn) ? "❓ unknown" : "❔ unknown",
        GateStatus.Error => "💥 error",
        _ => GateSummarizer.IsBlocking(f.Status, f.Severity, failOn) ? "❌ fail" : "⚠️ fail",
    };

    private static string Gate(QualityGate gate) => gate switch
    {
        QualityGate.MultiAz => "Multi-AZ",
        QualityGate.NoPublicSubnets => "No public subnets",
        QualityGate.Encryption => "Encryption",
        QualityGate.ScopedIam => "Scoped IAM",
        QualityGate.AuditAndThreatDetection => "CloudTrail + GuardDuty",
        QualityGate.CostEstimate => "Cost estimate",
        QualityGate.VpcEndpoints => "VPC endpoints",
        _ => "Tagging",
    };

    /// <summary>A table cell: pipes escaped, line breaks flattened.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
