using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using WAOps.Engine.Gates;

namespace WAOps.Engine.Reports;

/// <summary>
/// Writes JUnit XML in the Apache Ant form (valid against the junit.xsd CI tools use): one &lt;testsuite&gt; per rule
/// (name = rule id), one &lt;testcase&gt; per finding (name = resource and detail, classname = rule id). Pass is a plain
/// test case; Fail and Unknown are &lt;failure&gt; (type = severity, or Unknown); Error is &lt;error&gt;; NotApplicable and
/// Waived are &lt;skipped&gt; with the reason. Failures below -FailOn are still failures here; the gate's verdict is
/// the summary's.
/// </summary>
public static partial class JUnitReportWriter
{
    public static void Write(GateReport report, Stream output)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var xml = XmlWriter.Create(output, settings);
        var timestamp = report.Summary.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var host = Token(Environment.MachineName);
        var byRule = report.Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        var id = 0;
        foreach (var rule in report.Selection.Rules)
        {
            var findings = byRule.GetValueOrDefault(rule.Id) ?? new List<GateFinding>();
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", rule.Id);
            xml.WriteAttributeString("timestamp", timestamp);
            xml.WriteAttributeString("hostname", host.Length == 0 ? "localhost" : host);
            xml.WriteAttributeString("tests", Count(findings.Count));
            xml.WriteAttributeString("failures", Count(findings.Count(f => f.Status is GateStatus.Fail or GateStatus.Unknown)));
            xml.WriteAttributeString("errors", Count(findings.Count(f => f.Status == GateStatus.Error)));
            xml.WriteAttributeString("skipped", Count(findings.Count(f => f.Status is GateStatus.NotApplicable or GateStatus.Waived)));
            xml.WriteAttributeString("time", "0");
            xml.WriteAttributeString("package", $"waops.{report.Selection.RuleSet.Id}");
            xml.WriteAttributeString("id", Count(id++));

            xml.WriteStartElement("properties");
            Property(xml, "title", rule.Title);
            Property(xml, "gate", $"{(int)rule.Gate} {rule.Gate}");
            Property(xml, "pillar", rule.Pillar.ToString());
            Property(xml, "severity", rule.Severity.ToString());
            Property(xml, "remediation", rule.Remediation);
            xml.WriteEndElement();

            foreach (var finding in findings)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("name", Token(ReportText.Subject(finding)));
                xml.WriteAttributeString("classname", rule.Id);
                xml.WriteAttributeString("time", "0");
                var text = $"{finding.Reason}\nResource: {finding.ResourceArn}\nAccount: {finding.AccountId}  Region: {finding.Region}\nRemediation: {finding.Remediation}"
                    + (finding.Location is { } at ? $"\nLocation: {at}" : string.Empty);
                switch (finding.Status)
                {
                    case GateStatus.Fail:
                        Outcome(xml, "failure", finding.Reason, finding.Severity.ToString(), text);
                        break;
                    case GateStatus.Unknown:
                        Outcome(xml, "failure", finding.Reason, "Unknown", text);
                        break;
                    case GateStatus.Error:
                        Outcome(xml, "error", finding.Reason, "Error", text);
                        break;
                    case GateStatus.NotApplicable:
                    case GateStatus.Waived:
                        Outcome(xml, "skipped", finding.Reason, null, text);
                        break;
                }

                xml.WriteEndElement();
            }

            xml.WriteElementString("system-out", string.Empty);
            xml.WriteElementString("system-err", string.Empty);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Outcome(XmlWriter xml, string element, string message, string? type, string text)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("message", Clean(message));
        if (type is not null)
        {
            xml.WriteAttributeString("type", type);
        }

        xml.WriteString(Clean(text));
        xml.WriteEndElement();
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>xs:token: no line breaks or tabs, no leading, trailing or doubled spaces.</summary>
    private static string Token(string value) => Spaces().Replace(Clean(value), " ").Trim();

    /// <summary>Drops characters XML 1.0 cannot carry.</summary>
    private static string Clean(string value) => new(value.Where(XmlConvert.IsXmlChar).ToArray());

    [GeneratedRegex("\\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
