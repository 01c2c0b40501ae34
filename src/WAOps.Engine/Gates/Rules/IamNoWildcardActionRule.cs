using WAOps.Engine.Gates.Support;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 4: no Allow statement grants every action ("*") or every action of a service ("s3:*").</summary>
public sealed class IamNoWildcardActionRule : GateRule<ResourceProperties>
{
    public override string Id => "iam-no-wildcard-action";

    public override string Title => "IAM policies do not allow \"*\" or \"service:*\" actions";

    public override string Description => "Each Allow statement of customer-managed policies and inline policies of roles, users and groups is judged: Action \"*\" grants everything, \"service:*\" everything of a service. One finding per statement.";

    public override string Remediation => "List the actions the workload needs (IAM Access Analyzer can generate a policy from CloudTrail activity) instead of a wildcard.";

    public override QualityGate Gate => QualityGate.ScopedIam;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo => IamPolicyStatements.Kinds;

    protected override IEnumerable<RuleVerdict> EvaluateProperties(InventoryResource resource, ResourceProperties properties, RuleContext context) =>
        IamPolicyStatements.Judge(resource, properties, "none allows \"*\" or \"service:*\" actions", statement =>
        {
            if (!statement.Actions.TryGet(out var actions))
            {
                return (RuleVerdict.NotKnown(statement.Actions, "Action"), null);
            }

            var wildcards = actions.Where(IamActions.IsFullWildcard).ToList();
            return (null, wildcards.Count == 0 ? null : $"Allow Action {IamPolicyStatements.List(wildcards)}");
        });
}
