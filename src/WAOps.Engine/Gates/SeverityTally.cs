namespace WAOps.Engine.Gates;

/// <summary>The findings of one severity that did not pass.</summary>
public sealed class SeverityTally
{
    public required Severity Severity { get; init; }

    public int Fail { get; internal set; }

    public int Unknown { get; internal set; }

    public int Error { get; internal set; }

    public int Waived { get; internal set; }

    public override string ToString() => $"{Severity}: {Fail} fail, {Unknown} unknown, {Error} error, {Waived} waived";
}
