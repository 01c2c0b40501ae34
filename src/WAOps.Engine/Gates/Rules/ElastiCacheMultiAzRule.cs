using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 1: a production ElastiCache replication group has Multi-AZ and automatic failover enabled.</summary>
public sealed class ElastiCacheMultiAzRule : GateRule<CacheReplicationGroupProperties>
{
    public override string Id => "elasticache-multi-az";

    public override string Title => "Production ElastiCache replication groups are Multi-AZ with automatic failover";

    public override string Description =>
        "A production replication group needs MultiAZ=enabled and AutomaticFailover=enabled, so a replica in another Availability Zone is "
        + "promoted when the primary fails. Absent values mean disabled.";

    public override string Remediation => "Add a replica in another AZ and modify the group with --multi-az-enabled --automatic-failover-enabled (MultiAZEnabled and AutomaticFailoverEnabled in templates).";

    public override QualityGate Gate => QualityGate.MultiAz;

    public override Pillar Pillar => Pillar.Reliability;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.CacheReplicationGroup };

    public override bool ProductionOnly => true;

    protected override RuleVerdict Judge(InventoryResource resource, CacheReplicationGroupProperties group, RuleContext context)
    {
        if (!group.MultiAz.TryGet(out var multiAz))
        {
            return RuleVerdict.NotKnown(group.MultiAz, "MultiAZ");
        }

        if (!group.AutomaticFailover.TryGet(out var failover))
        {
            return RuleVerdict.NotKnown(group.AutomaticFailover, "AutomaticFailover");
        }

        var observed = $"MultiAZ={multiAz ?? "absent"}, AutomaticFailover={failover ?? "absent"}";
        return IsEnabled(multiAz) && IsEnabled(failover) ? RuleVerdict.Pass(observed) : RuleVerdict.Fail(observed, null, (IsEnabled(multiAz) ? group.AutomaticFailover.Location : group.MultiAz.Location));
    }

    private static bool IsEnabled(string? value) => string.Equals(value, "enabled", StringComparison.OrdinalIgnoreCase);
}
