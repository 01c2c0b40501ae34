using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Support;

/// <summary>How a subnet reaches the world: the route table that serves it (explicit, or the VPC's main table) and its internet gateway route, if any.</summary>
public sealed record SubnetRoute(string SubnetId, string RouteTableId, bool ViaMainTable, Route? InternetRoute)
{
    /// <summary>Public: its route table sends 0.0.0.0/0 or ::/0 to an internet gateway (igw-).</summary>
    public bool IsPublic => InternetRoute is not null;

    public string Describe()
    {
        var table = ViaMainTable ? $"{RouteTableId} (the VPC's main route table)" : RouteTableId;
        return IsPublic
            ? $"{SubnetId} is public: {InternetRoute} in {table}"
            : $"{SubnetId} is private: {table} has no default route to an internet gateway";
    }

    public override string ToString() => Describe();
}
