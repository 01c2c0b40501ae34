namespace WAOps.Engine.Inventory.Properties;

/// <summary>
/// One route: destination (an IPv4 or IPv6 CIDR, or a prefix list id pl-...), target (igw-, eigw-, nat-, vpce-,
/// tgw-, pcx-, local, ...) and state (active, blackhole; null when not reported).
/// </summary>
public sealed record Route(string Destination, string Target, string? State = null, bool? InternetGateway = null)
{
    /// <summary>0.0.0.0/0 or ::/0.</summary>
    public bool IsDefaultRoute => Destination is "0.0.0.0/0" or "::/0";

    /// <summary>
    /// To an internet gateway (igw-); an egress-only internet gateway (eigw-) or a NAT gateway does not count. Template
    /// readers say it explicitly (<see cref="InternetGateway"/>), because a template names the gateway by its logical id.
    /// </summary>
    public bool TargetsInternetGateway => InternetGateway ?? Target.StartsWith("igw-", StringComparison.Ordinal);

    public bool IsBlackhole => string.Equals(State, "blackhole", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Destination} -> {Target}" + (IsBlackhole ? " (blackhole)" : string.Empty);
}
