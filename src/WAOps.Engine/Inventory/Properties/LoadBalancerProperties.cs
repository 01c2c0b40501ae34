namespace WAOps.Engine.Inventory.Properties;

/// <summary>An ELBv2 load balancer (elasticloadbalancing:loadbalancer).</summary>
public sealed class LoadBalancerProperties : ResourceProperties
{
    /// <summary>application, network or gateway.</summary>
    public Fact<string> Type { get; init; }

    /// <summary>internet-facing or internal.</summary>
    public Fact<string> Scheme { get; init; }

    public Fact<string?> VpcId { get; init; }

    public Fact<IReadOnlyList<string>> SubnetIds { get; init; }
}
