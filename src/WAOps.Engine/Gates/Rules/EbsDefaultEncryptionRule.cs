using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 3: EBS default encryption is on in the region.</summary>
public sealed class EbsDefaultEncryptionRule : GateRule<AccountRegionProperties>
{
    public override string Id => "ebs-default-encryption";

    public override string Title => "EBS encryption by default is enabled in every region";

    public override string Description => "EBS default encryption is a per-region account setting (GetEbsEncryptionByDefault): with it on, every new volume and snapshot copy is encrypted whatever the launch asks.";

    public override string Remediation => "aws ec2 enable-ebs-encryption-by-default --region <region> (in every region you use).";

    public override QualityGate Gate => QualityGate.Encryption;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.Medium;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.AccountRegion };

    protected override RuleVerdict Judge(InventoryResource resource, AccountRegionProperties region, RuleContext context)
    {
        if (!region.EbsEncryptionByDefault.TryGet(out var enabled))
        {
            return RuleVerdict.NotKnown(region.EbsEncryptionByDefault, "EbsEncryptionByDefault");
        }

        return enabled
            ? RuleVerdict.Pass($"EbsEncryptionByDefault=true in {resource.Region}")
            : RuleVerdict.Fail($"EbsEncryptionByDefault=false in {resource.Region}");
    }
}
