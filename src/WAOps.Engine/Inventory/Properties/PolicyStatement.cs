namespace WAOps.Engine.Inventory.Properties;

/// <summary>
/// One statement of a policy document. Action/NotAction and Resource/NotResource are kept as written (a single
/// string becomes a one-item list); a template reader marks a part it cannot resolve as unknown.
/// </summary>
public sealed class PolicyStatement
{
    /// <summary>The statement's position in its document, from 0.</summary>
    public required int Index { get; init; }

    public string? Sid { get; init; }

    /// <summary>Allow or Deny.</summary>
    public required string Effect { get; init; }

    public Fact<IReadOnlyList<string>> Actions { get; init; } = Facts.List<string>(null);

    public Fact<IReadOnlyList<string>> NotActions { get; init; } = Facts.List<string>(null);

    public Fact<IReadOnlyList<string>> Resources { get; init; } = Facts.List<string>(null);

    public Fact<IReadOnlyList<string>> NotResources { get; init; } = Facts.List<string>(null);

    /// <summary>The principals of a resource policy ("*", ARNs, service names), flattened; empty in identity policies.</summary>
    public IReadOnlyList<string> Principals { get; init; } = Array.Empty<string>();

    public IReadOnlyList<PolicyCondition> Conditions { get; init; } = Array.Empty<PolicyCondition>();

    /// <summary>Where the statement is declared (templates).</summary>
    public SourceLocation? Location { get; init; }

    public bool IsAllow => string.Equals(Effect, "Allow", StringComparison.Ordinal);

    public bool IsDeny => string.Equals(Effect, "Deny", StringComparison.Ordinal);

    /// <summary>"statement 2 (Sid AllowAll)" or "statement 2".</summary>
    public string Describe() => $"statement {Index + 1}" + (string.IsNullOrEmpty(Sid) ? string.Empty : $" (Sid {Sid})");

    public override string ToString() => Describe();
}
