using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 3: an ElastiCache replication group encrypts data at rest.</summary>
public sealed class ElastiCacheEncryptedAtRestRule : GateRule<CacheReplicationGroupProperties>
{
    public override string Id => "elasticache-encrypted-at-rest";

    public override string Title => "ElastiCache replication groups encrypt data at rest";

    public override string Description => "AtRestEncryptionEnabled must be true (it covers disk during sync, swap and backups).";

    public override string Remediation => "Create a new replication group with --at-rest-encryption-enabled from a backup of this one and switch clients over (AtRestEncryptionEnabled: true in templates).";

    public override QualityGate Gate => QualityGate.Encryption;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.CacheReplicationGroup };

    protected override RuleVerdict Judge(InventoryResource resource, CacheReplicationGroupProperties group, RuleContext context)
    {
        if (!group.AtRestEncryptionEnabled.TryGet(out var enabled))
        {
            return RuleVerdict.NotKnown(group.AtRestEncryptionEnabled, "AtRestEncryptionEnabled");
        }

        return enabled ? RuleVerdict.Pass("AtRestEncryptionEnabled=true") : RuleVerdict.Fail("AtRestEncryptionEnabled=false", null, group.AtRestEncryptionEnabled.Location);
    }
}
