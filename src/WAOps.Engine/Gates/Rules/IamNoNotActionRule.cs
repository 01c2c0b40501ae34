using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 4: no Allow statement uses NotAction or NotResource.</summary>
public sealed class IamNoNotActionRule : GateRule<ResourceProperties>
{
    public override string Id => "iam-no-not-action";

    public override string Title => "IAM policies do not Allow with NotAction or NotResource";

    public override string Description => "Allow with NotAction grants every action except those listed (including services created later); Allow with NotResource grants on every resource except those listed.";

    public override string Remediation => "Rewrite the statement as an Allow of the actions and resources meant, with a separate Deny where exclusions are needed.";

    public override QualityGate Gate => QualityGate.ScopedIam;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo => IamPolicyStatements.Kinds;

    protected override IEnumerable<RuleVerdict> EvaluateProperties(InventoryResource resource, ResourceProperties properties, RuleContext context) =>
        IamPolicyStatements.Judge(resource, properties, "none uses NotAction or NotResource", statement =>
        {
            if (!statement.NotActions.TryGet(out var notActions))
            {
                return (RuleVerdict.NotKnown(statement.NotActions, "NotAction"), null);
            }

            if (!statement.NotResources.TryGet(out var notResources))
            {
                return (RuleVerdict.NotKnown(statement.NotResources, "NotResource"), null);
            }

            var parts = new List<string>();
            if (notActions.Count > 0)
            {
                parts.Add($"Allow NotAction {IamPolicyStatements.List(notActions)}");
            }

            if (notResources.Count > 0)
            {
                parts.Add($"Allow NotResource {IamPolicyStatements.List(notResources)}");
            }

            return (null, parts.Count == 0 ? null : string.Join("; ", parts));
        });
}
