using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 2: an EC2 instance has no public IPv4 address.</summary>
public sealed class Ec2InstanceNoPublicIpRule : GateRule<InstanceProperties>
{
    public override string Id => "ec2-instance-no-public-ip";

    public override string Title => "EC2 instances have no public IP address";

    public override string Description => "An instance with a public IPv4 address can be reached from the internet wherever its security groups allow; compute should be reached through a load balancer or Session Manager instead.";

    public override string Remediation => "Launch without a public address (AssociatePublicIpAddress false, a subnet with MapPublicIpOnLaunch false), release Elastic IPs on compute, and reach instances through SSM Session Manager.";

    public override QualityGate Gate => QualityGate.NoPublicSubnets;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Instance };

    protected override RuleVerdict Judge(InventoryResource resource, InstanceProperties instance, RuleContext context)
    {
        if (!instance.HasPublicIp.TryGet(out var hasPublicIp))
        {
            return RuleVerdict.NotKnown(instance.HasPublicIp, "public IP address");
        }

        return hasPublicIp
            ? RuleVerdict.Fail($"public IP {instance.PublicIpAddress.ValueOr(null) ?? "assigned at launch"}")
            : RuleVerdict.Pass("no public IP address");
    }
}
