using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>
/// Gate 7: a VPC with private compute has a gateway endpoint for the service, associated with the route tables of
/// the subnets that run the compute (a gateway endpoint only works through routes to the service's prefix list in
/// those tables).
/// </summary>
public abstract class GatewayEndpointRule : GateRule<VpcProperties>
{
    protected abstract string Service { get; }

    protected abstract string ServiceTitle { get; }

    public override string Title => $"VPCs with private compute route {ServiceTitle} through a gateway endpoint";

    public override string Description =>
        $"Compute in private subnets reaches {ServiceTitle} through the NAT gateway (paid per GB, and over the internet path) unless the VPC has a "
        + $"{Service} gateway endpoint associated with the route tables of those subnets. An endpoint that is not associated with a subnet's route "
        + "table does nothing for that subnet.";

    public override string Remediation => $"aws ec2 create-vpc-endpoint --vpc-endpoint-type Gateway --service-name com.amazonaws.<region>.{Service} --route-table-ids <the private route tables>, or modify-vpc-endpoint --add-route-table-ids for the missing ones.";

    public override QualityGate Gate => QualityGate.VpcEndpoints;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.Medium;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Vpc };

    public override IReadOnlyList<ResourceKind> Reads { get; } = new[]
    {
        ResourceKinds.VpcEndpoint, ResourceKinds.Subnet, ResourceKinds.RouteTable, ResourceKinds.Instance, ResourceKinds.Function,
    };

    protected override RuleVerdict Judge(InventoryResource resource, VpcProperties vpc, RuleContext context)
    {
        var (compute, computeVerdict) = VpcEndpointLookup.PrivateCompute(resource, context);
        if (computeVerdict is not null)
        {
            return computeVerdict;
        }

        var (endpoints, endpointVerdict) = VpcEndpointLookup.Endpoints(resource, "Gateway", context);
        if (endpointVerdict is not null)
        {
            return endpointVerdict;
        }

        var tables = compute.GroupBy(c => c.RouteTableId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.SubnetId).ToList(), StringComparer.Ordinal);
        var mine = endpoints.Where(e => e.Service == Service).ToList();
        if (mine.Count == 0)
        {
            return RuleVerdict.Fail($"no {Service} gateway endpoint; private compute routes through {Describe(tables)}");
        }

        var associated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (endpoint, p, _) in mine)
        {
            if (!p.RouteTableIds.TryGet(out var ids))
            {
                return RuleVerdict.NotKnown(p.RouteTableIds, $"route tables of {endpoint.ResourceId}");
            }

            associated.UnionWith(ids);
        }

        var names = string.Join(", ", mine.Select(m => m.Endpoint.ResourceId));
        var missing = tables.Where(t => !associated.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        return missing.Count == 0
            ? RuleVerdict.Pass($"{Service} gateway endpoint {names} is associated with {Describe(tables)}")
            : RuleVerdict.Fail($"{Service} gateway endpoint {names} is not associated with {Describe(missing)}");
    }

    private static string Describe(Dictionary<string, List<string>> tables) =>
        string.Join(", ", tables.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} (serving {string.Join(", ", t.Value)})"));
}
