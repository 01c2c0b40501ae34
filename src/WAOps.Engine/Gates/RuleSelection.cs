namespace WAOps.Engine.Gates;

/// <summary>The rules one run judges with: a rule set, narrowed by -Rule, -ExcludeRule and -Pillar, in catalog order.</summary>
public sealed class RuleSelection
{
    public RuleSelection(RuleSet ruleSet, IReadOnlyList<IGateRule> rules)
    {
        RuleSet = ruleSet;
        Rules = rules;
    }

    public RuleSet RuleSet { get; }

    public IReadOnlyList<IGateRule> Rules { get; }

    /// <summary>Every kind the selected rules judge or look up: what a collector has to list.</summary>
    public IReadOnlyCollection<Inventory.ResourceKind> NeededKinds =>
        Rules.SelectMany(r => r.AppliesTo.Concat(r.Reads)).Distinct().ToList();
}
