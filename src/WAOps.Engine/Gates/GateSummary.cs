using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Waivers;
using WAOps.Engine.Text;

namespace WAOps;

/// <summary>
/// The verdict of a run: Passed is false when any Fail, Unknown or Error finding has the -FailOn severity or higher,
/// or when an account could not be checked at all; counts per rule and severity; the waivers that expired.
/// Written after the findings; a CI step fails on <c>-not $summary.Passed</c>.
/// </summary>
public sealed class GateSummary
{
    public required bool Passed { get; init; }

    /// <summary>The lowest severity that fails the gate; null when nothing fails it (-FailOn None).</summary>
    public required Severity? FailOn { get; init; }

    public required string RuleSet { get; init; }

    public required int Rules { get; init; }

    /// <summary>Distinct resources judged.</summary>
    public required int Resources { get; init; }

    public required int Findings { get; init; }

    public required int Pass { get; init; }

    public required int Fail { get; init; }

    public required int Unknown { get; init; }

    public required int Error { get; init; }

    public required int NotApplicable { get; init; }

    public required int Waived { get; init; }

    /// <summary>The findings that decided Passed = false.</summary>
    public required int Blocking { get; init; }

    public required TextList Accounts { get; init; }

    public required TextList Regions { get; init; }

    /// <summary>Accounts that could not be checked (the role could not be assumed, ...).</summary>
    public required TextList FailedAccounts { get; init; }

    /// <summary>The templates and plans judged (-TemplatePath); empty for live runs.</summary>
    public TextList Templates { get; init; } = new(Array.Empty<string>());

    public required IReadOnlyList<RuleTally> ByRule { get; init; }

    public required IReadOnlyList<SeverityTally> BySeverity { get; init; }

    /// <summary>Expired waivers in the waiver file: they waive nothing any more.</summary>
    public required IReadOnlyList<Waiver> ExpiredWaivers { get; init; }

    /// <summary>Unexpired waivers that matched no finding.</summary>
    public required IReadOnlyList<Waiver> UnusedWaivers { get; init; }

    /// <summary>-Project/-Environment/-TagFilter as applied; empty when everything was judged.</summary>
    public required string Scope { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    public TimeSpan Duration => CompletedAt - StartedAt;

    public override string ToString() =>
        $"Quality gate {(Passed ? "passed" : "FAILED")}: {Fail} fail, {Unknown} unknown, {Error} error, {Waived} waived, {Pass} pass "
        + $"({Blocking} blocking at {(FailOn is null ? "no severity" : $"{FailOn}+")}; rule set {RuleSet})";
}
