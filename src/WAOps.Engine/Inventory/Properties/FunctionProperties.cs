namespace WAOps.Engine.Inventory.Properties;

/// <summary>A Lambda function (lambda:function): compute that may run inside a VPC.</summary>
public sealed class FunctionProperties : ResourceProperties
{
    /// <summary>The VPC it is attached to; null when it runs outside any VPC.</summary>
    public Fact<string?> VpcId { get; init; }

    public Fact<IReadOnlyList<string>> SubnetIds { get; init; }
}
