using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Support;

/// <summary>
/// Where a VPC runs compute: the subnets of its EC2 instances (not terminated) and of the Lambda functions attached
/// to it, with how each subnet routes. "Private compute" is compute in subnets that are not public.
/// </summary>
public static class ComputePlacement
{
    /// <summary>The distinct subnets of the VPC that host compute, each with its routing (unknown ones as unknown facts).</summary>
    public static IReadOnlyList<Fact<SubnetRoute>> SubnetsOf(ResourceInventory inventory, InventoryResource vpc)
    {
        var subnets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var instance in inventory.OfKind(ResourceKinds.Instance, vpc.AccountId, vpc.Region))
        {
            if (instance.PropertiesAs<InstanceProperties>() is { } p
                && p.VpcId.TryGet(out var vpcId) && vpcId == vpc.ResourceId
                && !(p.State.TryGet(out var state) && state is "terminated" or "shutting-down")
                && p.SubnetId.TryGet(out var subnet) && subnet is not null)
            {
                subnets.Add(subnet);
            }
        }

        foreach (var function in inventory.OfKind(ResourceKinds.Function, vpc.AccountId, vpc.Region))
        {
            if (function.PropertiesAs<FunctionProperties>() is { } p
                && p.VpcId.TryGet(out var vpcId) && vpcId == vpc.ResourceId
                && p.SubnetIds.TryGet(out var ids))
            {
                subnets.UnionWith(ids);
            }
        }

        return subnets.Select(s => SubnetRouting.Of(inventory, vpc, s)).ToList();
    }
}
