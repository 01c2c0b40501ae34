namespace WAOps.Engine.Inventory.Properties;

/// <summary>An EC2 instance (ec2:instance).</summary>
public sealed class InstanceProperties : ResourceProperties
{
    /// <summary>The subnet of its primary network interface; null for EC2-Classic-like placements.</summary>
    public Fact<string?> SubnetId { get; init; }

    public Fact<string?> VpcId { get; init; }

    /// <summary>Whether it has (or, in a template, will get) a public IPv4 address.</summary>
    public Fact<bool> HasPublicIp { get; init; }

    /// <summary>The public address when known (live), for the reason text.</summary>
    public Fact<string?> PublicIpAddress { get; init; }

    /// <summary>pending, running, stopped, ... (null in templates).</summary>
    public Fact<string?> State { get; init; }
}
