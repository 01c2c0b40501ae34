using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 3: an ElastiCache replication group encrypts data in transit (TLS).</summary>
public sealed class ElastiCacheEncryptedInTransitRule : GateRule<CacheReplicationGroupProperties>
{
    public override string Id => "elasticache-encrypted-in-transit";

    public override string Title => "ElastiCache replication groups encrypt data in transit";

    public override string Description => "TransitEncryptionEnabled must be true so clients and nodes talk TLS.";

    public override string Remediation => "Modify the group with --transit-encryption-enabled and --transit-encryption-mode preferred, move clients to TLS, then set the mode to required.";

    public override QualityGate Gate => QualityGate.Encryption;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.CacheReplicationGroup };

    protected override RuleVerdict Judge(InventoryResource resource, CacheReplicationGroupProperties group, RuleContext context)
    {
        if (!group.TransitEncryptionEnabled.TryGet(out var enabled))
        {
            return RuleVerdict.NotKnown(group.TransitEncryptionEnabled, "TransitEncryptionEnabled");
        }

        return enabled ? RuleVerdict.Pass("TransitEncryptionEnabled=true") : RuleVerdict.Fail("TransitEncryptionEnabled=false", null, group.TransitEncryptionEnabled.Location);
    }
}
