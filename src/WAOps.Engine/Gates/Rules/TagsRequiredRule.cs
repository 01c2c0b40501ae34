using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using WAOps.Engine.Tags;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 8: resources carry the tagging strategy's keys, judged by the tag engine (Get-WATagCompliance's evaluator).</summary>
public sealed class TagsRequiredRule : GateRule<ResourceProperties>
{
    public override string Id => "tags-required";

    public override string Title => "Resources carry the required tags";

    public override string Description =>
        "The tagging strategy (default: Environment, Project, Team, CostCenter) is judged by the same engine as Get-WATagCompliance: keys are "
        + "case-sensitive (\"environment\" is a mis-cased Environment), values must be allowed, keys beginning aws: never count. Applies to the "
        + "workload resources (compute, storage, databases, queues, networks, load balancers, roles and users).";

    public override string Remediation => "Get-WATagCompliance | Repair-WATagCompliance -Tag @{ CostCenter = '...' } (-FixKeyCase renames mis-cased keys); set the tags in templates (Terraform default_tags).";

    public override QualityGate Gate => QualityGate.Tagging;

    public override Pillar Pillar => Pillar.OperationalExcellence;

    public override Severity Severity => Severity.Medium;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[]
    {
        ResourceKinds.Instance, ResourceKinds.Volume, ResourceKinds.Vpc, ResourceKinds.Subnet, ResourceKinds.VpcEndpoint,
        ResourceKinds.DbInstance, ResourceKinds.DbCluster, ResourceKinds.CacheReplicationGroup, ResourceKinds.FileSystem,
        ResourceKinds.LoadBalancer, ResourceKinds.TargetGroup, ResourceKinds.Bucket, ResourceKinds.Table, ResourceKinds.Queue,
        ResourceKinds.Topic, ResourceKinds.Function, ResourceKinds.Role, ResourceKinds.User,
    };

    protected override RuleVerdict Judge(InventoryResource resource, ResourceProperties properties, RuleContext context)
    {
        var policy = context.Options.TagPolicy;
        if (!policy.AppliesTo(resource.ResourceType))
        {
            return RuleVerdict.NotApplicable($"the tag policy from {policy.Source} does not cover {resource.ResourceType}");
        }

        if (resource.TagsUnknownReason is { } reason)
        {
            return resource.TagsReadFailed ? RuleVerdict.Error($"tags could not be read: {reason}") : new RuleVerdict(GateStatus.Unknown, $"tags: value not known ({reason})", null, resource.Location);
        }

        var result = TagComplianceEvaluator.Evaluate(resource, policy);
        if (result.Compliant)
        {
            return RuleVerdict.Pass($"has {string.Join(", ", policy.RequiredKeys)}");
        }

        var problems = new List<string>();
        if (result.MissingKeys.Count > 0)
        {
            problems.Add($"missing {result.MissingKeys}");
        }

        if (result.MisCasedKeys.Count > 0)
        {
            problems.Add($"mis-cased {result.MisCasedKeys}");
        }

        if (result.InvalidValues.Count > 0)
        {
            problems.Add($"values not allowed: {result.InvalidValues}");
        }

        return RuleVerdict.Fail(string.Join("; ", problems) + (resource.Tags.Count == 0 ? " (no tags)" : $" (tags: {resource.Tags})"));
    }
}
