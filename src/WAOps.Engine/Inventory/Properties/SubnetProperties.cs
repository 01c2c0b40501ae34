namespace WAOps.Engine.Inventory.Properties;

/// <summary>A subnet (ec2:subnet).</summary>
public sealed class SubnetProperties : ResourceProperties
{
    public Fact<string> VpcId { get; init; }

    public Fact<string?> AvailabilityZone { get; init; }

    /// <summary>The explicitly associated route table; null when the subnet has none and the VPC's main table applies.</summary>
    public Fact<string?> RouteTableId { get; init; }

    public Fact<bool> MapPublicIpOnLaunch { get; init; }
}
