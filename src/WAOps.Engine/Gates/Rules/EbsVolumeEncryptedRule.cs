using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 3: an EBS volume is encrypted.</summary>
public sealed class EbsVolumeEncryptedRule : GateRule<VolumeProperties>
{
    public override string Id => "ebs-volume-encrypted";

    public override string Title => "EBS volumes are encrypted";

    public override string Description => "Every EBS volume must be encrypted at rest. Turning on EBS default encryption (ebs-default-encryption) covers new volumes only; existing ones stay as they are.";

    public override string Remediation => "Snapshot the volume, copy the snapshot with --encrypted, create a volume from the copy and swap it in; turn on EBS default encryption so new volumes are encrypted.";

    public override QualityGate Gate => QualityGate.Encryption;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Volume };

    protected override RuleVerdict Judge(InventoryResource resource, VolumeProperties volume, RuleContext context)
    {
        if (!volume.Encrypted.TryGet(out var encrypted))
        {
            return RuleVerdict.NotKnown(volume.Encrypted, "Encrypted");
        }

        return encrypted
            ? RuleVerdict.Pass($"Encrypted=true (key {volume.KmsKeyId.ValueOr(null) ?? "aws/ebs"})")
            : RuleVerdict.Fail("Encrypted=false", null, volume.Encrypted.Location);
    }
}
