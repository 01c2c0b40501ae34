using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 2: an RDS DB instance's subnet group holds only private subnets.</summary>
public sealed class RdsPrivateSubnetsRule : GateRule<DbInstanceProperties>
{
    public override string Id => "rds-private-subnets";

    public override string Title => "RDS DB subnet groups contain only private subnets";

    public override string Description => "A DB subnet group with a public subnet lets the database be placed where the internet gateway routes (and be exposed once made publicly accessible).";

    public override string Remediation => "Use a DB subnet group of private (data) subnets only: create one and move the instance to it.";

    public override QualityGate Gate => QualityGate.NoPublicSubnets;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.DbInstance };

    public override IReadOnlyList<ResourceKind> Reads { get; } = new[] { ResourceKinds.Subnet, ResourceKinds.RouteTable };

    protected override RuleVerdict Judge(InventoryResource resource, DbInstanceProperties db, RuleContext context) =>
        SubnetGroupVerdicts.AllPrivate(resource, db.SubnetIds, context);
}
