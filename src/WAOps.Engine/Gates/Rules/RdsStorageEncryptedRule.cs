using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 3: RDS storage is encrypted (standalone instances and clusters; cluster members are judged on their cluster).</summary>
public sealed class RdsStorageEncryptedRule : GateRule<ResourceProperties>
{
    public override string Id => "rds-storage-encrypted";

    public override string Title => "RDS instances and clusters encrypt their storage";

    public override string Description => "StorageEncrypted must be true on standalone DB instances and on DB clusters (the instances of a cluster share the cluster's storage and are judged on it). Encryption can only be chosen at creation.";

    public override string Remediation => "Take a snapshot, copy it with a KMS key (aws rds copy-db-snapshot --kms-key-id ...), restore from the encrypted copy and switch over; StorageEncrypted: true in templates.";

    public override QualityGate Gate => QualityGate.Encryption;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.DbInstance, ResourceKinds.DbCluster };

    protected override RuleVerdict Judge(InventoryResource resource, ResourceProperties properties, RuleContext context)
    {
        Fact<bool> encrypted;
        Fact<string?> key;
        switch (properties)
        {
            case DbInstanceProperties db:
                if (!db.ClusterId.TryGet(out var cluster))
                {
                    return RuleVerdict.NotKnown(db.ClusterId, "DBClusterIdentifier");
                }

                if (cluster is not null)
                {
                    return RuleVerdict.NotApplicable($"member of cluster {cluster}: storage encryption is judged on the cluster");
                }

                (encrypted, key) = (db.StorageEncrypted, db.KmsKeyId);
                break;
            case DbClusterProperties dbCluster:
                (encrypted, key) = (dbCluster.StorageEncrypted, dbCluster.KmsKeyId);
                break;
            default:
                return RuleVerdict.Error($"{resource.ResourceType} carries no RDS properties");
        }

        if (!encrypted.TryGet(out var isEncrypted))
        {
            return RuleVerdict.NotKnown(encrypted, "StorageEncrypted");
        }

        return isEncrypted
            ? RuleVerdict.Pass($"StorageEncrypted=true (key {key.ValueOr(null) ?? "aws/rds"})")
            : RuleVerdict.Fail("StorageEncrypted=false", null, encrypted.Location);
    }
}
