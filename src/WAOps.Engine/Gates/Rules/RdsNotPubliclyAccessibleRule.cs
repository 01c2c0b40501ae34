using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 2: an RDS DB instance is not publicly accessible.</summary>
public sealed class RdsNotPubliclyAccessibleRule : GateRule<DbInstanceProperties>
{
    public override string Id => "rds-not-publicly-accessible";

    public override string Title => "RDS DB instances are not publicly accessible";

    public override string Description => "PubliclyAccessible=true gives the instance a DNS name that resolves to a public IP; databases must only be reachable from inside the VPC.";

    public override string Remediation => "Modify the DB instance with --no-publicly-accessible (PubliclyAccessible: false in templates).";

    public override QualityGate Gate => QualityGate.NoPublicSubnets;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.Critical;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.DbInstance };

    protected override RuleVerdict Judge(InventoryResource resource, DbInstanceProperties db, RuleContext context)
    {
        if (!db.PubliclyAccessible.TryGet(out var publicly))
        {
            return RuleVerdict.NotKnown(db.PubliclyAccessible, "PubliclyAccessible");
        }

        return publicly ? RuleVerdict.Fail("PubliclyAccessible=true", null, db.PubliclyAccessible.Location) : RuleVerdict.Pass("PubliclyAccessible=false");
    }
}
