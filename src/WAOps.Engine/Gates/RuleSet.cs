namespace WAOps.Engine.Gates;

/// <summary>
/// A named, versioned list of rule ids (waops-2026.11). A CI pipeline pins one with -RuleSet so rules added in later
/// versions of WAOps do not suddenly fail its builds; newer modules keep every older set selectable. A rule never
/// changes its meaning under the same id, so a pinned set judges the same way in every version that has it.
/// </summary>
public sealed record RuleSet(string Id, DateOnly Released, IReadOnlyList<string> RuleIds, string Description)
{
    public override string ToString() => Id;
}
