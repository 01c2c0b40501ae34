using WAOps.Engine.Gates.Waivers;
using WAOps.Engine.Reports;

namespace WAOps.Engine.Gates;

/// <summary>How a quality-gate run judges and reports, whatever it judges (live accounts or templates).</summary>
public sealed record GateRunSettings
{
    public required RuleSelection Selection { get; init; }

    public required GateOptions Options { get; init; }

    public required GateScope Scope { get; init; }

    public required WaiverSet Waivers { get; init; }

    /// <summary>The lowest severity that fails the gate; null: nothing fails it (-FailOn None).</summary>
    public Severity? FailOn { get; init; }

    /// <summary>-FailOn as given, for messages.</summary>
    public string FailOnText { get; init; } = "Low";

    /// <summary>The report file and its format (-OutFile, -OutputFormat), if any.</summary>
    public (string Path, ReportFormat Format)? Report { get; init; }

    public bool IncludePassed { get; init; }

    public bool SummaryOnly { get; init; }

    public required string ToolVersion { get; init; }

    /// <summary>The folder report paths (SARIF artifact locations) are relative to.</summary>
    public required string BaseDirectory { get; init; }

    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;
}
