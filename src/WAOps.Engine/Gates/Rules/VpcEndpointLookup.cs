using WAOps.Engine.Gates.Support;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Shared by the VPC endpoint rules: the VPC's private compute subnets and its endpoints.</summary>
internal static class VpcEndpointLookup
{
    /// <summary>The routing of the subnets where the VPC runs compute that are not public; a verdict instead when it cannot tell or there are none.</summary>
    public static (IReadOnlyList<SubnetRoute> Private, RuleVerdict? Verdict) PrivateCompute(InventoryResource vpc, RuleContext context)
    {
        var routes = new List<SubnetRoute>();
        foreach (var fact in ComputePlacement.SubnetsOf(context.Inventory, vpc))
        {
            if (!fact.TryGet(out var route))
            {
                return (routes, RuleVerdict.NotKnown(fact, "routing of a compute subnet"));
            }

            if (!route.IsPublic)
            {
                routes.Add(route);
            }
        }

        return routes.Count == 0
            ? (routes, RuleVerdict.NotApplicable("no compute (EC2 instances, Lambda functions) in private subnets of this VPC"))
            : (routes, null);
    }

    /// <summary>The VPC's usable endpoints of a type (Gateway, Interface), keyed by their short service name (s3, ecr.api, ...).</summary>
    public static (IReadOnlyList<(InventoryResource Endpoint, VpcEndpointProperties Properties, string Service)> Endpoints, RuleVerdict? Verdict) Endpoints(
        InventoryResource vpc, string endpointType, RuleContext context)
    {
        var found = new List<(InventoryResource, VpcEndpointProperties, string)>();
        foreach (var endpoint in context.Inventory.OfKind(ResourceKinds.VpcEndpoint, vpc.AccountId, vpc.Region))
        {
            if (endpoint.PropertiesAs<VpcEndpointProperties>() is not { } p)
            {
                continue;
            }

            if (!p.VpcId.TryGet(out var vpcId) || !p.EndpointType.TryGet(out var type) || !p.ServiceName.TryGet(out var service))
            {
                var unknown = !p.VpcId.IsKnown ? RuleVerdict.NotKnown(p.VpcId, $"VPC of {endpoint.ResourceId}")
                    : !p.EndpointType.IsKnown ? RuleVerdict.NotKnown(p.EndpointType, $"type of {endpoint.ResourceId}")
                    : RuleVerdict.NotKnown(p.ServiceName, $"service of {endpoint.ResourceId}");
                return (found, unknown);
            }

            var usable = !(p.State.TryGet(out var state) && state is not null
                && state.ToLowerInvariant() is "deleting" or "deleted" or "failed" or "rejected" or "expired");
            if (vpcId == vpc.ResourceId && string.Equals(type, endpointType, StringComparison.OrdinalIgnoreCase) && usable)
            {
                found.Add((endpoint, p, VpcEndpointProperties.ShortServiceName(service, vpc.Region)));
            }
        }

        if (found.Count == 0 && context.Inventory.FailureFor(ResourceKinds.VpcEndpoint, vpc.AccountId, vpc.Region) is { } failure)
        {
            return (found, RuleVerdict.Error($"the VPC endpoints of {vpc.Region} could not be listed: {failure.Message}"));
        }

        return (found, null);
    }
}
