namespace WAOps.Engine.Inventory.Properties;

/// <summary>A load balancer listener (elasticloadbalancing:listener).</summary>
public sealed class ListenerProperties : ResourceProperties
{
    /// <summary>Reference to its load balancer (the ARN live).</summary>
    public Fact<string> LoadBalancerId { get; init; }

    /// <summary>HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, GENEVE.</summary>
    public Fact<string> Protocol { get; init; }

    public Fact<int> Port { get; init; }

    /// <summary>The security policy of an HTTPS or TLS listener (ELBSecurityPolicy-TLS13-1-2-2021-06, ...).</summary>
    public Fact<string?> SslPolicy { get; init; }

    public Fact<IReadOnlyList<ListenerAction>> DefaultActions { get; init; }
}
