using WAOps.Engine.Gates.Support;
using WAOps.Engine.Inventory;

namespace WAOps.Engine.Gates.Rules;

/// <summary>The shared judgement of database subnet groups: every subnet in them must be private.</summary>
internal static class SubnetGroupVerdicts
{
    public static RuleVerdict AllPrivate(InventoryResource resource, Fact<IReadOnlyList<string>> subnetIds, RuleContext context)
    {
        if (!subnetIds.TryGet(out var ids))
        {
            return RuleVerdict.NotKnown(subnetIds, "subnet group");
        }

        if (ids.Count == 0)
        {
            return RuleVerdict.NotApplicable("no subnet group (not in a VPC)");
        }

        var publicOnes = new List<string>();
        foreach (var id in ids)
        {
            var route = SubnetRouting.Of(context.Inventory, resource, id);
            if (!route.TryGet(out var subnet))
            {
                return RuleVerdict.NotKnown(route, $"routing of {id}");
            }

            if (subnet.IsPublic)
            {
                publicOnes.Add(subnet.Describe());
            }
        }

        return publicOnes.Count == 0
            ? RuleVerdict.Pass($"all {ids.Count} subnets of its subnet group are private ({string.Join(", ", ids)})")
            : RuleVerdict.Fail($"{publicOnes.Count} of {ids.Count} subnets of its subnet group are public: {string.Join("; ", publicOnes)}");
    }
}
