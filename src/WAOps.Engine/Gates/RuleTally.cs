using WAOps.Engine.Gates;

namespace WAOps;

/// <summary>The findings of one rule, counted by status.</summary>
public sealed class RuleTally
{
    public required string RuleId { get; init; }

    public required string Title { get; init; }

    public required QualityGate Gate { get; init; }

    public required Pillar Pillar { get; init; }

    public required Severity Severity { get; init; }

    public int Pass { get; internal set; }

    public int Fail { get; internal set; }

    public int Unknown { get; internal set; }

    public int Error { get; internal set; }

    public int NotApplicable { get; internal set; }

    public int Waived { get; internal set; }

    /// <summary>Fail, Unknown and Error findings at or above the -FailOn severity: what makes the gate fail.</summary>
    public int Blocking { get; internal set; }

    public bool Passed => Blocking == 0;

    public override string ToString() => $"{RuleId}: {Pass} pass, {Fail} fail, {Unknown} unknown, {Error} error, {Waived} waived";
}
