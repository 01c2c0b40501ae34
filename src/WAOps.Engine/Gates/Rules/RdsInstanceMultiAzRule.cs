using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 1: a production RDS DB instance runs Multi-AZ (a standby in another AZ). Cluster members are judged on their cluster.</summary>
public sealed class RdsInstanceMultiAzRule : GateRule<DbInstanceProperties>
{
    public override string Id => "rds-instance-multi-az";

    public override string Title => "Production RDS DB instances are Multi-AZ";

    public override string Description =>
        "A standalone RDS DB instance in production must have a synchronous standby in another Availability Zone (MultiAZ). "
        + "Instances of an Aurora or Multi-AZ DB cluster always report MultiAZ=false; they are judged on their cluster (rds-cluster-multi-az).";

    public override string Remediation => "Modify the DB instance with MultiAZ enabled (aws rds modify-db-instance --multi-az --apply-immediately), or set MultiAZ: true in the template.";

    public override QualityGate Gate => QualityGate.MultiAz;

    public override Pillar Pillar => Pillar.Reliability;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.DbInstance };

    public override bool ProductionOnly => true;

    protected override RuleVerdict Judge(InventoryResource resource, DbInstanceProperties db, RuleContext context)
    {
        if (!db.ClusterId.TryGet(out var cluster))
        {
            return RuleVerdict.NotKnown(db.ClusterId, "DBClusterIdentifier");
        }

        if (cluster is not null)
        {
            return RuleVerdict.NotApplicable($"member of cluster {cluster}: availability is judged on the cluster (rds-cluster-multi-az)");
        }

        if (!db.MultiAz.TryGet(out var multiAz))
        {
            return RuleVerdict.NotKnown(db.MultiAz, "MultiAZ");
        }

        return multiAz
            ? RuleVerdict.Pass("MultiAZ=true" + Zones(db.AvailabilityZone.ValueOr(null), db.SecondaryAvailabilityZone.ValueOr(null)))
            : RuleVerdict.Fail($"MultiAZ=false: single instance in {db.AvailabilityZone.ValueOr(null) ?? "one AZ"}", null, db.MultiAz.Location);
    }

    private static string Zones(string? primary, string? standby) => (primary, standby) switch
    {
        (null, null) => string.Empty,
        (_, null) => $" (primary in {primary})",
        (null, _) => $" (standby in {standby})",
        _ => $" (primary in {primary}, standby in {standby})",
    };
}
