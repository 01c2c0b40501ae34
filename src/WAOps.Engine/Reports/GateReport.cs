using WAOps.Engine.Gates;

namespace WAOps.Engine.Reports;

/// <summary>Everything a report is written from: the rules judged with, every finding, the summary, and the tool.</summary>
public sealed class GateReport
{
    public required RuleSelection Selection { get; init; }

    public required IReadOnlyList<GateFinding> Findings { get; init; }

    public required GateSummary Summary { get; init; }

    public string ToolName { get; init; } = "WAOps";

    public required string ToolVersion { get; init; }

    public string InformationUri { get; init; } = "https://github.com/waops/waops";

    /// <summary>Template paths under this directory are written relative to it (SARIF artifact URIs); the current directory by default.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Findings that did not pass (Fail, Unknown, Error, Waived), blocking ones first, then by severity, rule and resource.</summary>
    public IEnumerable<GateFinding> Problems => Findings
        .Where(f => f.Status is GateStatus.Fail or GateStatus.Unknown or GateStatus.Error or GateStatus.Waived)
        .OrderByDescending(f => GateSummarizer.IsBlocking(f.Status, f.Severity, Summary.FailOn))
        .ThenByDescending(f => f.Severity)
        .ThenBy(f => f.RuleId, StringComparer.Ordinal)
        .ThenBy(f => f.ResourceArn, StringComparer.Ordinal);
}
