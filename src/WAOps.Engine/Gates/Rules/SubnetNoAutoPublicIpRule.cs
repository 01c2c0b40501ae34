using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 2: a subnet does not give every launched instance a public IP.</summary>
public sealed class SubnetNoAutoPublicIpRule : GateRule<SubnetProperties>
{
    public override string Id => "subnet-no-auto-public-ip";

    public override string Title => "Subnets do not assign public IPs automatically";

    public override string Description => "MapPublicIpOnLaunch=true gives every instance launched into the subnet a public IPv4 address unless the launch says otherwise. Load balancers and NAT gateways do not need it.";

    public override string Remediation => "aws ec2 modify-subnet-attribute --subnet-id <id> --no-map-public-ip-on-launch (MapPublicIpOnLaunch: false in templates).";

    public override QualityGate Gate => QualityGate.NoPublicSubnets;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.Medium;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Subnet };

    protected override RuleVerdict Judge(InventoryResource resource, SubnetProperties subnet, RuleContext context)
    {
        if (!subnet.MapPublicIpOnLaunch.TryGet(out var map))
        {
            return RuleVerdict.NotKnown(subnet.MapPublicIpOnLaunch, "MapPublicIpOnLaunch");
        }

        return map ? RuleVerdict.Fail("MapPublicIpOnLaunch=true", null, subnet.MapPublicIpOnLaunch.Location) : RuleVerdict.Pass("MapPublicIpOnLaunch=false");
    }
}
