namespace WAOps.Engine.Inventory.Properties;

/// <summary>A route table (ec2:route-table). Subnet associations are held by the subnets (SubnetProperties.RouteTableId).</summary>
public sealed class RouteTableProperties : ResourceProperties
{
    public Fact<string> VpcId { get; init; }

    /// <summary>The VPC's main route table: it serves every subnet without an explicit association.</summary>
    public Fact<bool> IsMain { get; init; }

    public Fact<IReadOnlyList<Route>> Routes { get; init; }
}
