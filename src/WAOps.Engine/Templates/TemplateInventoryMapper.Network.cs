using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Templates;

/// <summary>Networking and compute: VPCs, subnets, route tables and routes, endpoints, load balancers, instances, functions.</summary>
public sealed partial class TemplateInventoryMapper
{
    private SubnetProperties Subnet(TemplateResource r)
    {
        var associations = Referring("AWS::EC2::SubnetRouteTableAssociation", "SubnetId", r).ToList();
        Fact<string?> routeTable;
        if (associations.Count > 0)
        {
            routeTable = associations[0].Properties.Text("RouteTableId");
        }
        else if (UnknownReferrer("AWS::EC2::SubnetRouteTableAssociation", "SubnetId") is { } unknown)
        {
            routeTable = Fact<string?>.Unresolved($"a route table association names a subnet that is not known ({unknown})", r.Location);
        }
        else
        {
            // No association: the VPC's main route table, as AWS routes it.
            routeTable = Fact<string?>.Known(null, r.Location);
        }

        return new SubnetProperties
        {
            VpcId = r.Properties.Text("VpcId").Select(v => v ?? string.Empty),
            AvailabilityZone = r.Properties.Text("AvailabilityZone"),
            RouteTableId = routeTable,
            MapPublicIpOnLaunch = r.Properties.Bool("MapPublicIpOnLaunch", false),
        };
    }

    private RouteTableProperties RouteTable(TemplateResource r) => new()
    {
        VpcId = r.Properties.Text("VpcId").Select(v => v ?? string.Empty),
        IsMain = Fact<bool>.Known(false, r.Location),
        Routes = Routes(r),
    };

    private Fact<IReadOnlyList<Route>> Routes(TemplateResource table)
    {
        var routes = new List<Route>();
        if (table.Properties.Raw("Routes") is not null)
        {
            // Terraform's inline route blocks, translated into the shape of AWS::EC2::Route properties.
            foreach (var inline in table.Properties.Items("Routes"))
            {
                var route = Route(inline, table.Location);
                if (!route.TryGet(out var known))
                {
                    return route.Select<IReadOnlyList<Route>>(_ => null!);
                }

                routes.Add(known);
            }
        }

        foreach (var resource in Referring("AWS::EC2::Route", "RouteTableId", table))
        {
            var route = Route(resource.Properties, resource.Location);
            if (!route.TryGet(out var known))
            {
                return route.Select<IReadOnlyList<Route>>(_ => null!);
            }

            routes.Add(known);
        }

        if (UnknownReferrer("AWS::EC2::Route", "RouteTableId") is { } unknown)
        {
            return Fact<IReadOnlyList<Route>>.Unresolved($"a route is added to a route table that is not known ({unknown})", table.Location);
        }

        return Fact<IReadOnlyList<Route>>.Known(routes, table.Location);
    }

    private Fact<Route> Route(PropertyView route, SourceLocation at)
    {
        var destination = route.Text("DestinationCidrBlock");
        if (!destination.TryGet(out var cidr))
        {
            return destination.Select<Route>(_ => null!);
        }

        if (cidr is null)
        {
            var ipv6 = route.Text("DestinationIpv6CidrBlock");
            if (!ipv6.TryGet(out cidr))
            {
                return ipv6.Select<Route>(_ => null!);
            }
        }

        foreach (var targetProperty in new[] { "GatewayId", "NatGatewayId", "EgressOnlyInternetGatewayId", "TransitGatewayId", "VpcPeeringConnectionId", "NetworkInterfaceId", "InstanceId", "VpcEndpointId", "CarrierGatewayId", "LocalGatewayId" })
        {
            var target = route.Text(targetProperty);
            if (!target.TryGet(out var id))
            {
                return target.Select<Route>(_ => null!);
            }

            if (id is null)
            {
                continue;
            }

            bool? internetGateway = targetProperty != "GatewayId" ? false
                : Find(id) is { } declared ? declared.Type == "AWS::EC2::InternetGateway"
                : null;
            return Fact<Route>.Known(new Route(cidr ?? "(none)", id, null, internetGateway), at);
        }

        return Fact<Route>.Known(new Route(cidr ?? "(none)", "(no target)", "blackhole", false), at);
    }

    private void AddMainRouteTable(TemplateResource vpc)
    {
        // Every VPC comes with a main route table that has only the local route; a template cannot add to it (it has no
        // Ref), so subnets without an association are private unless the template names the table some other way.
        var cidr = vpc.Properties.Text("CidrBlock").ValueOr(null) ?? "(the VPC's CIDR)";
        var table = new TemplateResource(vpc.Name + ".MainRouteTable", "AWS::EC2::RouteTable", vpc.Id + "/main-route-table", vpc.RefId + ".MainRouteTable", vpc.Properties, vpc.Location)
        {
            Tags = Tags.TagSet.Empty,
        };
        Add(table, ResourceKinds.RouteTable, new RouteTableProperties
        {
            VpcId = Fact<string>.Known(vpc.RefId, vpc.Location),
            IsMain = Fact<bool>.Known(true, vpc.Location),
            Routes = Fact<IReadOnlyList<Route>>.Known(new[] { new Route(cidr, "local", "active", false) }, vpc.Location),
        }, $"main route table of {vpc.Name}");
    }

    private VpcEndpointProperties VpcEndpoint(TemplateResource r)
    {
        var routeTables = r.Properties.Strings("RouteTableIds");
        var extra = Referring("AWS::EC2::VPCEndpointRouteTableAssociation", "VpcEndpointId", r).Select(a => a.Properties.Text("RouteTableId").ValueOr(null)).Where(t => t is not null).ToList();
        if (extra.Count > 0 && routeTables.TryGet(out var listed))
        {
            routeTables = Fact<IReadOnlyList<string>>.Known(listed.Concat(extra!).Distinct().ToList()!, routeTables.Location);
        }

        return new VpcEndpointProperties
        {
            VpcId = r.Properties.Text("VpcId").Select(v => v ?? string.Empty),
            ServiceName = r.Properties.Text("ServiceName").Select(v => v ?? string.Empty),
            EndpointType = r.Properties.Text("VpcEndpointType", "Gateway").Select(v => v ?? "Gateway"),
            RouteTableIds = routeTables,
            SubnetIds = r.Properties.Strings("SubnetIds"),
            State = Fact<string?>.Known("available", r.Location),
        };
    }

    private InstanceProperties Instance(TemplateResource r)
    {
        var primary = r.Properties.Items("NetworkInterfaces").FirstOrDefault(n => n.Text("DeviceIndex").ValueOr("0") == "0");
        var subnet = r.Properties.Has("SubnetId") || primary is null ? r.Properties.Text("SubnetId") : primary.Text("SubnetId");
        Fact<bool> publicIp;
        if (primary is not null && primary.Has("AssociatePublicIpAddress"))
        {
            publicIp = primary.Bool("AssociatePublicIpAddress", null);
        }
        else if (r.Properties.Has("AssociatePublicIpAddress"))
        {
            publicIp = r.Properties.Bool("AssociatePublicIpAddress", null);
        }
        else if (!subnet.TryGet(out var subnetRef))
        {
            publicIp = subnet.Select(_ => false);
        }
        else if (subnetRef is null)
        {
            publicIp = Fact<bool>.Unresolved("no SubnetId: the default VPC's default subnet, which gives public IPs", r.Location);
        }
        else
        {
            // Without a setting of its own the instance gets a public IP when its subnet maps them on launch.
            publicIp = Find(subnetRef) is { Type: "AWS::EC2::Subnet" } declared
                ? declared.Properties.Bool("MapPublicIpOnLaunch", false)
                : Fact<bool>.Unresolved($"subnet {subnetRef} is not declared in the template, so whether it maps public IPs is not known", r.Location);
        }

        return new InstanceProperties
        {
            SubnetId = subnet,
            VpcId = subnet.TryGet(out var s) ? VpcOfSubnet(s, r.Location) : subnet,
            HasPublicIp = publicIp,
            PublicIpAddress = Fact<string?>.Unresolved("assigned at launch", r.Location),
            State = Fact<string?>.Known("pending", r.Location),
        };
    }

    private FunctionProperties Function(TemplateResource r)
    {
        var vpcConfig = r.Properties.Child("VpcConfig");
        if (vpcConfig is null)
        {
            var unknown = Fact<IReadOnlyList<string>>.Unresolved(r.Properties.Unresolved("VpcConfig") ?? "VpcConfig is not known", r.Properties.LocationOf("VpcConfig"));
            return new FunctionProperties { SubnetIds = unknown, VpcId = unknown.Select<string?>(_ => null) };
        }

        var subnets = vpcConfig.Strings("SubnetIds");
        return new FunctionProperties
        {
            SubnetIds = subnets,
            VpcId = subnets.TryGet(out var list) && list.Count == 0 ? Fact<string?>.Known(null, r.Location) : VpcOfSubnets(subnets, r.Location),
        };
    }

    private LoadBalancerProperties LoadBalancer(TemplateResource r)
    {
        var subnets = r.Properties.Has("SubnetMappings") && !r.Properties.Has("Subnets")
            ? MappedSubnets(r.Properties)
            : r.Properties.Strings("Subnets");
        return new LoadBalancerProperties
        {
            Type = r.Properties.Text("Type", "application").Select(t => t ?? "application"),
            Scheme = r.Properties.Text("Scheme", "internet-facing").Select(s => s ?? "internet-facing"),
            SubnetIds = subnets,
            VpcId = VpcOfSubnets(subnets, r.Location),
        };
    }

    private static Fact<IReadOnlyList<string>> MappedSubnets(PropertyView properties)
    {
        var ids = new List<string>();
        foreach (var mapping in properties.Items("SubnetMappings"))
        {
            var id = mapping.Text("SubnetId");
            if (!id.TryGet(out var value))
            {
                return id.Select<IReadOnlyList<string>>(_ => null!);
            }

            if (value is not null)
            {
                ids.Add(value);
            }
        }

        return Fact<IReadOnlyList<string>>.Known(ids, properties.LocationOf("SubnetMappings"));
    }

    private ListenerProperties Listener(TemplateResource r)
    {
        var protocol = r.Properties.Text("Protocol");
        var ssl = r.Properties.Text("SslPolicy");
        if (ssl.TryGet(out var policy) && policy is null && protocol.ValueOr(null) is "HTTPS" or "TLS")
        {
            ssl = Fact<string?>.Unresolved("SslPolicy is not set, so AWS applies its default policy at deployment", r.Properties.LocationOf("Protocol"));
        }

        return new ListenerProperties
        {
            LoadBalancerId = r.Properties.Text("LoadBalancerArn").Select(v => v ?? string.Empty),
            Protocol = protocol.TryGet(out var p) && p is null
                ? Fact<string>.Unresolved("Protocol is not set (AWS derives it from the load balancer type)", r.Location)
                : protocol.Select(v => v!),
            Port = r.Properties.Int("Port", null),
            SslPolicy = ssl,
            DefaultActions = Actions(r.Properties, "DefaultActions"),
        };
    }

    private static Fact<IReadOnlyList<ListenerAction>> Actions(PropertyView properties, string name)
    {
        if (properties.Unresolved(name) is { } unknown)
        {
            return Fact<IReadOnlyList<ListenerAction>>.Unresolved(unknown, properties.LocationOf(name));
        }

        var actions = new List<ListenerAction>();
        foreach (var action in properties.Items(name))
        {
            var targets = new List<string>();
            if (action.Text("TargetGroupArn").ValueOr(null) is { } single)
            {
                targets.Add(single);
            }

            var forward = action.Child("ForwardConfig");
            foreach (var group in forward?.Items("TargetGroups") ?? Array.Empty<PropertyView>())
            {
                if (group.Text("TargetGroupArn").ValueOr(null) is { } arn)
                {
                    targets.Add(arn);
                }
            }

            actions.Add(new ListenerAction(action.Text("Type").ValueOr(null) ?? "forward", action.Child("RedirectConfig")?.Text("Protocol").ValueOr(null), targets));
        }

        return Fact<IReadOnlyList<ListenerAction>>.Known(actions, properties.LocationOf(name));
    }

    private TargetGroupProperties TargetGroup(TemplateResource r)
    {
        var balancers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var listener in _resources.Where(l => l.Type == "AWS::ElasticLoadBalancingV2::Listener"))
        {
            if (Actions(listener.Properties, "DefaultActions").TryGet(out var actions) && actions.Any(a => a.TargetGroupIds.Contains(r.RefId))
                && listener.Properties.Text("LoadBalancerArn").ValueOr(null) is { } balancer)
            {
                balancers.Add(balancer);
            }
        }

        return new TargetGroupProperties
        {
            Protocol = r.Properties.Text("Protocol"),
            VpcId = r.Properties.Text("VpcId"),
            TargetType = r.Properties.Text("TargetType", "instance"),
            LoadBalancerIds = Fact<IReadOnlyList<string>>.Known(balancers.ToList(), r.Location),
        };
    }
}
