namespace WAOps.Engine.Gates;

/// <summary>How much a failing rule matters, lowest first (so severities compare: High &gt; Medium).</summary>
public enum Severity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
