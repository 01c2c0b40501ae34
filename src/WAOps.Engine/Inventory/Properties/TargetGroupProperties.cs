namespace WAOps.Engine.Inventory.Properties;

/// <summary>A target group (elasticloadbalancing:targetgroup).</summary>
public sealed class TargetGroupProperties : ResourceProperties
{
    /// <summary>HTTP, HTTPS, TCP, ... (null for Lambda targets).</summary>
    public Fact<string?> Protocol { get; init; }

    /// <summary>References to the load balancers that route to it.</summary>
    public Fact<IReadOnlyList<string>> LoadBalancerIds { get; init; }

    public Fact<string?> VpcId { get; init; }

    /// <summary>instance, ip, lambda or alb.</summary>
    public Fact<string?> TargetType { get; init; }
}
