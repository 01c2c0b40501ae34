using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 1: a production Aurora / Multi-AZ DB cluster has instances in more than one AZ.</summary>
public sealed class RdsClusterMultiAzRule : GateRule<DbClusterProperties>
{
    public override string Id => "rds-cluster-multi-az";

    public override string Title => "Production DB clusters span Availability Zones";

    public override string Description =>
        "An Aurora or Multi-AZ DB cluster in production needs instances in at least two Availability Zones so a reader can take over "
        + "from the writer. Judged on the cluster (its MultiAZ flag, else its member instances' zones), because every Aurora instance reports MultiAZ=false.";

    public override string Remediation => "Add a reader instance in another Availability Zone (aws rds create-db-instance --db-cluster-identifier <cluster> --availability-zone <other AZ>).";

    public override QualityGate Gate => QualityGate.MultiAz;

    public override Pillar Pillar => Pillar.Reliability;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.DbCluster };

    public override IReadOnlyList<ResourceKind> Reads { get; } = new[] { ResourceKinds.DbInstance };

    public override bool ProductionOnly => true;

    protected override RuleVerdict Judge(InventoryResource resource, DbClusterProperties cluster, RuleContext context)
    {
        if (cluster.MultiAz.TryGet(out var multiAz) && multiAz)
        {
            return RuleVerdict.Pass("MultiAZ=true");
        }

        if (!cluster.MemberInstanceIds.TryGet(out var members))
        {
            return RuleVerdict.NotKnown(cluster.MemberInstanceIds, "cluster members");
        }

        var zones = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            var found = context.Inventory.Lookup(resource, ResourceKinds.DbInstance, member);
            if (!found.TryGet(out var instance))
            {
                return RuleVerdict.NotKnown(found, $"member {member}");
            }

            var zone = instance.PropertiesAs<DbInstanceProperties>()?.AvailabilityZone ?? default;
            if (!zone.TryGet(out var name))
            {
                return RuleVerdict.NotKnown(zone, $"availability zone of member {member}");
            }

            if (name is not null)
            {
                zones.Add(name);
            }
        }

        if (zones.Count > 1)
        {
            return RuleVerdict.Pass($"{members.Count} instances in {zones.Count} AZs ({string.Join(", ", zones)})");
        }

        if (!cluster.MultiAz.IsKnown && members.Count == 0)
        {
            return RuleVerdict.NotKnown(cluster.MultiAz, "MultiAZ");
        }

        return RuleVerdict.Fail(members.Count == 0
            ? "MultiAZ=false and the cluster has no instances"
            : $"MultiAZ=false: {members.Count} instance(s) all in {(zones.Count == 0 ? "an unknown AZ" : zones.First())}");
    }
}
