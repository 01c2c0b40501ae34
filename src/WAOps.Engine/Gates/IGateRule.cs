using WAOps.Engine.Inventory;

namespace WAOps.Engine.Gates;

/// <summary>
/// One rule: one concern of one quality gate, judged per resource on the inventory alone (rules never call AWS,
/// so live accounts and templates get the same verdict for the same resource). Ids are stable: a rule never
/// changes its meaning under the same id, so a pinned rule set judges the same way in later versions.
/// </summary>
public interface IGateRule
{
    /// <summary>The stable id (rds-instance-multi-az, iam-no-wildcard-action, ...).</summary>
    string Id { get; }

    string Title { get; }

    /// <summary>What the rule checks and why, with the AWS facts it relies on.</summary>
    string Description { get; }

    /// <summary>How to fix a failure.</summary>
    string Remediation { get; }

    QualityGate Gate { get; }

    Pillar Pillar { get; }

    Severity Severity { get; }

    /// <summary>The kinds it judges.</summary>
    IReadOnlyList<ResourceKind> AppliesTo { get; }

    /// <summary>Other kinds it looks up through references (a collector must list them too).</summary>
    IReadOnlyList<ResourceKind> Reads { get; }

    /// <summary>Judged only where the Environment tag says production (unless every environment is asked for).</summary>
    bool ProductionOnly { get; }

    /// <summary>One verdict per resource, or one per part (IAM: one per offending statement). Never empty.</summary>
    IEnumerable<RuleVerdict> Evaluate(InventoryResource resource, RuleContext context);
}
