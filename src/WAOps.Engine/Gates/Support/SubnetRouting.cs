using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Support;

/// <summary>
/// Decides whether a subnet is public the way AWS routes: by its explicitly associated route table, else by its
/// VPC's main route table; public when that table has 0.0.0.0/0 or ::/0 to an internet gateway (igw-). Routes to
/// an egress-only internet gateway (eigw-) or a NAT gateway do not make a subnet public; blackhole routes do not
/// count. Everything comes from the inventory (one DescribeRouteTables listing serves every subnet live).
/// </summary>
public static class SubnetRouting
{
    public static Fact<SubnetRoute> Of(ResourceInventory inventory, InventoryResource from, string subnetReference)
    {
        var subnetFact = inventory.Lookup(from, ResourceKinds.Subnet, subnetReference);
        if (!subnetFact.TryGet(out var subnet))
        {
            return subnetFact.Select<SubnetRoute>(_ => null!);
        }

        return Of(inventory, subnet);
    }

    public static Fact<SubnetRoute> Of(ResourceInventory inventory, InventoryResource subnet)
    {
        if (subnet.PropertiesAs<SubnetProperties>() is not { } properties)
        {
            return Fact<SubnetRoute>.Unresolved($"{subnet.ResourceId} has no subnet properties");
        }

        if (!properties.RouteTableId.TryGet(out var explicitTable))
        {
            return properties.RouteTableId.Select<SubnetRoute>(_ => null!);
        }

        InventoryResource table;
        var viaMain = explicitTable is null;
        if (explicitTable is not null)
        {
            var found = inventory.Lookup(subnet, ResourceKinds.RouteTable, explicitTable);
            if (!found.TryGet(out table!))
            {
                return found.Select<SubnetRoute>(_ => null!);
            }
        }
        else
        {
            if (!properties.VpcId.TryGet(out var vpcId))
            {
                return properties.VpcId.Select<SubnetRoute>(_ => null!);
            }

            var main = MainTable(inventory, subnet, vpcId);
            if (!main.TryGet(out table!))
            {
                return main.Select<SubnetRoute>(_ => null!);
            }
        }

        var routes = table.PropertiesAs<RouteTableProperties>()?.Routes ?? Fact<IReadOnlyList<Route>>.Unresolved("no route table properties");
        if (!routes.TryGet(out var list))
        {
            return routes.Select<SubnetRoute>(_ => null!);
        }

        var internet = list.FirstOrDefault(r => r.IsDefaultRoute && r.TargetsInternetGateway && !r.IsBlackhole);
        return new SubnetRoute(subnet.ResourceId, table.ResourceId, viaMain, internet);
    }

    /// <summary>The main route table of a VPC (the route table of the VPC marked main).</summary>
    public static Fact<InventoryResource> MainTable(ResourceInventory inventory, InventoryResource from, string vpcId)
    {
        var main = inventory.OfKind(ResourceKinds.RouteTable, from.AccountId, from.Region)
            .FirstOrDefault(t => t.PropertiesAs<RouteTableProperties>() is { } p
                && p.IsMain.TryGet(out var isMain) && isMain
                && p.VpcId.TryGet(out var vpc) && vpc == vpcId);
        if (main is not null)
        {
            return main;
        }

        return inventory.FailureFor(ResourceKinds.RouteTable, from.AccountId, from.Region) is { } failure
            ? Fact<InventoryResource>.ReadFailed($"the route tables could not be listed: {failure.Message}")
            : Fact<InventoryResource>.Unresolved($"the main route table of {vpcId} is not in the inventory");
    }
}
