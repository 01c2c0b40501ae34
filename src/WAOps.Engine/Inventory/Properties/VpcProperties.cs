namespace WAOps.Engine.Inventory.Properties;

/// <summary>A VPC (ec2:vpc). Its main route table is the route table with IsMain in the VPC.</summary>
public sealed class VpcProperties : ResourceProperties
{
    public Fact<bool> IsDefault { get; init; }
}
