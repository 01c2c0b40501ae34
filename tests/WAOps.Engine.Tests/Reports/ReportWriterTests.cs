using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Schema;
using Json.Schema;
using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Waivers;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using WAOps.Engine.Reports;
using WAOps.Engine.Tests.Gates;
using Xunit;

namespace WAOps.Engine.Tests.Reports;

public sealed class ReportWriterTests
{
    private static readonly string SchemaDirectory = Path.Combine(AppContext.BaseDirectory, "schemas");

    /// <summary>A run with every status: fail, unknown (from a template, with its line), error, waived, expired waiver, not applicable, pass.</summary>
    private static GateReport Report(Severity? failOn = Severity.Medium)
    {
        var inv = new TestInventory();
        inv.Add(ResourceKinds.Volume, "vol-plain", new VolumeProperties { Encrypted = false }, TestInventory.FullyTagged);
        inv.Add(ResourceKinds.Volume, "vol-legacy", new VolumeProperties { Encrypted = false });
        inv.Add(ResourceKinds.Volume, "vol-ok", new VolumeProperties { Encrypted = true });
        var template = new InventoryResource(ResourceKinds.Volume, "Data", "Data", TestInventory.Account, TestInventory.Region, TestInventory.Prod,
            new VolumeProperties { Encrypted = Fact<bool>.Unresolved("!Ref EncryptVolumes has no default", new SourceLocation("templates/stack.yaml", 12, 9, "Properties.Encrypted")) },
            DiscoverySource.Template, "Data") { Location = new SourceLocation("templates/stack.yaml", 10, 3) };
        inv.Inventory.Add(template);
        inv.Add(ResourceKinds.Listener, "l-tcp", new ListenerProperties { Protocol = "TCP", Port = 5432 });
        inv.FailListing(ResourceKinds.Listener, "DescribeListeners", "eu-west-1");
        inv.Add(ResourceKinds.ManagedPolicy, "admin", new ManagedPolicyProperties { Document = PolicyDocument.Parse("""{"Statement":[{"Sid":"All","Effect":"Allow","Action":"*","Resource":"*"}]}""") }, region: "global");

        var today = new DateOnly(2026, 11, 25);
        var waivers = new WaiverSet(new[]
        {
            new Waiver("ebs-volume-encrypted", "vol-legacy", "Migrating | in Q1", "storage@example.com", today.AddDays(30), "waivers.yaml", 2),
            new Waiver("iam-*", "admin", "break glass", "security@example.com", today.AddDays(-3), "waivers.yaml", 8),
        }, today);
        var selection = RuleCatalog.Select(null, new[] { "ebs-volume-encrypted", "elb-listener-tls", "iam-no-wildcard-action" }, null, null);
        var findings = new GateEvaluator(selection, new GateOptions(), null, waivers).Evaluate(inv.Inventory).ToList();
        var summarizer = new GateSummarizer(selection, failOn, new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero));
        findings.ForEach(summarizer.Add);
        return new GateReport
        {
            Selection = selection,
            Findings = findings,
            Summary = summarizer.Summarize(waivers, "Project shop", new DateTimeOffset(2026, 11, 25, 20, 0, 5, TimeSpan.Zero)),
            ToolVersion = "0.1.0",
            BaseDirectory = Directory.GetCurrentDirectory(),
        };
    }

    private static string Write(GateReport report, ReportFormat format)
    {
        using var stream = new MemoryStream();
        GateReportWriter.Write(report, format, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void TheRunHasEveryStatus()
    {
        var statuses = Report().Findings.Select(f => f.Status).Distinct().Order();
        Assert.Equal(Enum.GetValues<GateStatus>().Order(), statuses);
    }

    [Fact]
    public void SarifIsValidAgainstTheSarif210Schema()
    {
        var sarif = Write(Report(), ReportFormat.Sarif);
        using var instance = JsonDocument.Parse(sarif);
        var results = SarifSchema().Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? new List<EvaluationResults>()).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation} {d.EvaluationPath}: {string.Join("; ", d.Errors!.Select(e => e.Value))}")));
    }

    [Fact]
    public void TheSchemaCheckItselfCatchesAnInvalidDocument()
    {
        var sarif = JsonNode.Parse(Write(Report(), ReportFormat.Sarif))!;
        sarif["runs"]![0]!["results"]![0]!["level"] = "fatal";
        sarif["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"] = new JsonObject { ["region"] = new JsonObject { ["startLine"] = 0 } };
        using var instance = JsonDocument.Parse(sarif.ToJsonString());
        Assert.False(SarifSchema().Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid);
    }

    [Fact]
    public void SarifResultsCarryLocationsSuppressionsAndRuleMetadata()
    {
        var sarif = JsonNode.Parse(Write(Report(), ReportFormat.Sarif))!;
        var run = sarif["runs"]![0]!;
        Assert.Equal("2.1.0", (string?)sarif["version"]);
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal(new[] { "ebs-volume-encrypted", "elb-listener-tls", "iam-no-wildcard-action" }, rules.Select(r => (string?)r!["id"]));
        Assert.Equal("8.0", (string?)rules[0]!["properties"]!["security-severity"]);

        var results = run["results"]!.AsArray();
        Assert.DoesNotContain(results, r => ((string?)r!["properties"]!["status"]) is "Pass" or "NotApplicable");
        var unknown = results.Single(r => (string?)r!["properties"]!["status"] == "Unknown")!;
        var physical = unknown["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("templates/stack.yaml", (string?)physical["artifactLocation"]!["uri"]);
        Assert.Equal(12, (int)physical["region"]!["startLine"]!);
        Assert.Equal("Properties.Encrypted", (string?)unknown["properties"]!["propertyPath"]);

        var waived = results.Single(r => (string?)r!["properties"]!["status"] == "Waived")!;
        Assert.Equal("accepted", (string?)waived["suppressions"]![0]!["status"]);
        Assert.Contains("storage@example.com", (string?)waived["suppressions"]![0]!["justification"]);

        var live = results.Single(r => (string?)r!["properties"]!["resourceArn"] == "arn:aws:ec2:us-east-1:123456789012:volume/vol-plain")!;
        Assert.Null(live["locations"]![0]!["physicalLocation"]);
        Assert.Equal("resource", (string?)live["locations"]![0]!["logicalLocations"]![0]!["kind"]);
        Assert.Equal(64, ((string?)live["partialFingerprints"]!["waopsFinding/v1"])!.Length);

        var notes = run["invocations"]![0]!["toolExecutionNotifications"]!.AsArray();
        Assert.Contains(notes, n => ((string?)n!["message"]!["text"])!.StartsWith("Waiver expired on 2026-11-22", StringComparison.Ordinal));
        Assert.False((bool)run["properties"]!["passed"]!);
    }

    [Fact]
    public void JUnitIsValidAgainstTheJUnitSchema()
    {
        var xml = Write(Report(), ReportFormat.JUnit);
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(SchemaDirectory, "junit.xsd"));
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void JUnitHasOneSuitePerRuleAndOneCasePerFinding()
    {
        var report = Report();
        var document = new XmlDocument();
        document.LoadXml(Write(report, ReportFormat.JUnit));
        var suites = document.SelectNodes("/testsuites/testsuite")!.Cast<XmlElement>().ToList();
        Assert.Equal(3, suites.Count);
        var ebs = suites[0];
        Assert.Equal("ebs-volume-encrypted", ebs.GetAttribute("name"));
        Assert.Equal("4", ebs.GetAttribute("tests"));
        Assert.Equal("2", ebs.GetAttribute("failures"));
        Assert.Equal("1", ebs.GetAttribute("skipped"));
        Assert.Equal(report.Findings.Count, document.SelectNodes("//testcase")!.Count);
        Assert.Equal("1", suites[1].GetAttribute("errors"));
        var failure = (XmlElement)document.SelectSingleNode("//testcase[@name='arn:aws:ec2:us-east-1:123456789012:volume/vol-plain']/failure")!;
        Assert.Equal("High", failure.GetAttribute("type"));
        Assert.Equal("Encrypted=false", failure.GetAttribute("message"));
    }

    [Fact]
    public void JsonHasTheSummaryRulesAndEveryFinding()
    {
        var report = Report();
        using var document = JsonDocument.Parse(Write(report, ReportFormat.Json));
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("SchemaVersion").GetInt32());
        Assert.False(root.GetProperty("Summary").GetProperty("Passed").GetBoolean());
        Assert.Equal("Medium", root.GetProperty("Summary").GetProperty("FailOn").GetString());
        Assert.Equal(report.Findings.Count, root.GetProperty("Findings").GetArrayLength());
        var waived = root.GetProperty("Findings").EnumerateArray().Single(f => f.GetProperty("Status").GetString() == "Waived");
        Assert.Equal("2026-12-25", waived.GetProperty("Waiver").GetProperty("Expires").GetString());
        var unknown = root.GetProperty("Findings").EnumerateArray().Single(f => f.GetProperty("Status").GetString() == "Unknown");
        Assert.Equal(12, unknown.GetProperty("Location").GetProperty("Line").GetInt32());
    }

    [Fact]
    public void MarkdownSaysTheVerdictAndListsBlockingFindingsFirst()
    {
        var markdown = Write(Report(), ReportFormat.Markdown);
        Assert.StartsWith("## ❌ Quality gate failed", markdown);
        Assert.Contains($"Rule set `{RuleCatalog.Latest.Id}` · fails on **Medium** and above", markdown);
        Assert.Contains("| 3 Encryption | ❌ `ebs-volume-encrypted` | High | 1 | 1 | 0 | 1 | 1 | 0 |", markdown);
        Assert.Contains("`Data` (stack.yaml:12)", markdown);
        Assert.Contains("Migrating \\| in Q1", markdown);
        Assert.Contains("⏰ **Expired** 2026-11-22", markdown);
        var findings = markdown[markdown.IndexOf("### Findings", StringComparison.Ordinal)..];
        Assert.True(findings.IndexOf("❌ fail", StringComparison.Ordinal) < findings.IndexOf("🛡️ waived", StringComparison.Ordinal));

        var passing = Write(Report(failOn: null), ReportFormat.Markdown);
        Assert.StartsWith("## ✅ Quality gate passed", passing);
        Assert.Contains("nothing fails the gate (-FailOn None)", passing);
    }

    [Fact]
    public void WriteFileReplacesTheFileAndAnUnwritablePathIsAWriteError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"waops-report-{Guid.NewGuid():N}.sarif");
        try
        {
            File.WriteAllText(path, "old");
            GateReportWriter.WriteFile(Report(), ReportFormat.Sarif, path);
            Assert.StartsWith("{", File.ReadAllText(path));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".tmp-*"));
        }
        finally
        {
            File.Delete(path);
        }

        var error = Assert.Throws<WAOps.Engine.Errors.WAOpsException>(() => GateReportWriter.WriteFile(Report(), ReportFormat.Json, "/nonexistent-dir/report.json"));
        Assert.Equal(GateReportWriter.ReportWriteFailedErrorId, error.ErrorId);
        Assert.Equal(WAOps.Engine.Errors.ErrorKind.WriteError, error.Kind);
    }

    /// <summary>
    /// The OASIS schema is draft-04, which JsonSchema.Net does not read; the keywords it uses (type, $ref, properties,
    /// items, required, enum, minimum, pattern, format, anyOf, ...) mean the same in draft-07, so it is validated as
    /// draft-07 (its draft-04 "id" dropped: every $ref in it is local).
    /// </summary>
    private static JsonSchema SarifSchema()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(SchemaDirectory, "sarif-schema-2.1.0.json")))!.AsObject();
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        schema.Remove("id");

        // Its own registry: the global one refuses a second schema with the same $id.
        return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }
}
