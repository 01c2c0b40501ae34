using WAOps.Engine.Gates.Support;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 2: an EC2 instance runs in a private subnet.</summary>
public sealed class Ec2InstancePrivateSubnetRule : GateRule<InstanceProperties>
{
    public override string Id => "ec2-instance-private-subnet";

    public override string Title => "EC2 instances run in private subnets";

    public override string Description =>
        "Compute must not sit in a public subnet: one whose route table (the explicitly associated one, else the VPC's main table) sends "
        + "0.0.0.0/0 or ::/0 to an internet gateway (igw-). Routes to a NAT gateway or an egress-only internet gateway keep a subnet private.";

    public override string Remediation => "Move the instance (or its Auto Scaling group) into private subnets that reach the internet through a NAT gateway, and put a load balancer in the public subnets in front of it.";

    public override QualityGate Gate => QualityGate.NoPublicSubnets;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Instance };

    public override IReadOnlyList<ResourceKind> Reads { get; } = new[] { ResourceKinds.Subnet, ResourceKinds.RouteTable };

    protected override RuleVerdict Judge(InventoryResource resource, InstanceProperties instance, RuleContext context)
    {
        if (!instance.SubnetId.TryGet(out var subnetId))
        {
            return RuleVerdict.NotKnown(instance.SubnetId, "SubnetId");
        }

        if (subnetId is null)
        {
            return RuleVerdict.NotApplicable("not in a VPC subnet");
        }

        var route = SubnetRouting.Of(context.Inventory, resource, subnetId);
        if (!route.TryGet(out var subnet))
        {
            return RuleVerdict.NotKnown(route, $"routing of {subnetId}");
        }

        return subnet.IsPublic ? RuleVerdict.Fail(subnet.Describe()) : RuleVerdict.Pass(subnet.Describe());
    }
}
