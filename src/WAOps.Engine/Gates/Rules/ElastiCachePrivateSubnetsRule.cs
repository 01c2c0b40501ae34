using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 2: an ElastiCache replication group's subnet group holds only private subnets.</summary>
public sealed class ElastiCachePrivateSubnetsRule : GateRule<CacheReplicationGroupProperties>
{
    public override string Id => "elasticache-private-subnets";

    public override string Title => "ElastiCache subnet groups contain only private subnets";

    public override string Description => "Cache nodes must be placed in private subnets only; a cache subnet group with a public subnet puts nodes where the internet gateway routes.";

    public override string Remediation => "Create a cache subnet group of private subnets and recreate (or migrate) the replication group into it.";

    public override QualityGate Gate => QualityGate.NoPublicSubnets;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.CacheReplicationGroup };

    public override IReadOnlyList<ResourceKind> Reads { get; } = new[] { ResourceKinds.Subnet, ResourceKinds.RouteTable };

    protected override RuleVerdict Judge(InventoryResource resource, CacheReplicationGroupProperties group, RuleContext context) =>
        SubnetGroupVerdicts.AllPrivate(resource, group.SubnetIds, context);
}
