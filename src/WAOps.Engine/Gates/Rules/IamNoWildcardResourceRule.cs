using WAOps.Engine.Gates.Support;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 4: no Allow statement applies to every resource ("*"), except for actions that only take "*".</summary>
public sealed class IamNoWildcardResourceRule : GateRule<ResourceProperties>
{
    public override string Id => "iam-no-wildcard-resource";

    public override string Title => "IAM policies scope resources (no Resource \"*\")";

    public override string Description =>
        "Each Allow statement must name the resources it applies to. Some actions have no resource-level permissions and only take Resource \"*\" "
        + "(sts:GetCallerIdentity, ec2:Describe*, cloudwatch:PutMetricData, timestream:DescribeEndpoints, ...): a statement of only such actions is not a finding.";

    public override string Remediation => "Replace Resource \"*\" with the ARNs (or ARN patterns) of the resources the actions are meant for; move actions that only take \"*\" into a statement of their own.";

    public override QualityGate Gate => QualityGate.ScopedIam;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.Medium;

    public override IReadOnlyList<ResourceKind> AppliesTo => IamPolicyStatements.Kinds;

    protected override IEnumerable<RuleVerdict> EvaluateProperties(InventoryResource resource, ResourceProperties properties, RuleContext context) =>
        IamPolicyStatements.Judge(resource, properties, "none applies to Resource \"*\" beyond actions that only take \"*\"", statement =>
        {
            if (!statement.Resources.TryGet(out var resources))
            {
                return (RuleVerdict.NotKnown(statement.Resources, "Resource"), null);
            }

            if (!resources.Contains("*"))
            {
                return (null, null);
            }

            if (!statement.Actions.TryGet(out var actions))
            {
                return (RuleVerdict.NotKnown(statement.Actions, "Action"), null);
            }

            // NotAction statements are iam-no-not-action's concern; with Resource "*" they are findings here too.
            var scoped = actions.Where(a => !IamActions.OnlyTakesWildcardResource(a)).ToList();
            if (actions.Count > 0 && scoped.Count == 0)
            {
                return (null, null);
            }

            var what = scoped.Count > 0 ? $"actions {IamPolicyStatements.List(scoped)}" : "NotAction";
            return (null, $"Allow Resource \"*\" for {what}");
        });
}
