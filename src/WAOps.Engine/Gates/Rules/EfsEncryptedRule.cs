using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 3: an EFS file system is encrypted at rest.</summary>
public sealed class EfsEncryptedRule : GateRule<FileSystemProperties>
{
    public override string Id => "efs-encrypted";

    public override string Title => "EFS file systems are encrypted at rest";

    public override string Description => "Encrypted must be true; encryption at rest can only be chosen when the file system is created.";

    public override string Remediation => "Create an encrypted file system (Encrypted: true, optionally KmsKeyId) and copy the data over with AWS DataSync or AWS Backup.";

    public override QualityGate Gate => QualityGate.Encryption;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.FileSystem };

    protected override RuleVerdict Judge(InventoryResource resource, FileSystemProperties fs, RuleContext context)
    {
        if (!fs.Encrypted.TryGet(out var encrypted))
        {
            return RuleVerdict.NotKnown(fs.Encrypted, "Encrypted");
        }

        return encrypted ? RuleVerdict.Pass($"Encrypted=true (key {fs.KmsKeyId.ValueOr(null) ?? "aws/elasticfilesystem"})") : RuleVerdict.Fail("Encrypted=false", null, fs.Encrypted.Location);
    }
}
