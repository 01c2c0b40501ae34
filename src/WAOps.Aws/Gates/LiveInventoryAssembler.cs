using WAOps.Aws.Gates.Listings;
using WAOps.Aws.Services.Iam.Model;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using WAOps.Engine.Tags;
using Ec2 = Amazon.EC2.Model;

namespace WAOps.Aws.Gates;

/// <summary>
/// Turns what the listings of one account brought back into the inventory: one resource per AWS resource with its
/// typed properties and tags, relationships as references (subnet -> explicit route table, route table -> main flag,
/// gateway endpoint -> route tables, instance -> subnet, listener -> load balancer, target group -> load balancers,
/// cluster -> members), the account, each region, the projects found in tags, and the failed listings.
/// </summary>
internal static class LiveInventoryAssembler
{
    public static ResourceInventory Assemble(AccountCollection account, IReadOnlyCollection<ResourceKind> kinds)
    {
        var inventory = new ResourceInventory();
        var a = new Assembly(account, inventory);
        inventory.Add(new InventoryResource(ResourceKinds.Account, PseudoResourceIds.Account(account.AccountId), account.AccountId, account.AccountId,
            PseudoResourceIds.GlobalRegion, TagSet.Empty, new AccountProperties(), DiscoverySource.ServiceApi, account.AccountId));
        foreach (var region in account.Regions.Values)
        {
            inventory.Add(new InventoryResource(ResourceKinds.AccountRegion, PseudoResourceIds.AccountRegion(account.AccountId, region.Region), region.Region,
                account.AccountId, region.Region, TagSet.Empty, new AccountRegionProperties { EbsEncryptionByDefault = region.EbsEncryptionByDefault },
                DiscoverySource.ServiceApi, region.Region));
            a.Network(region);
            a.Compute(region);
            a.Databases(region);
            a.LoadBalancing(region);
            a.Data(region);
            a.Audit(region);
        }

        a.Global();
        foreach (var failure in account.Failures)
        {
            inventory.AddListingFailure(failure);
        }

        inventory.AddProjects();
        return inventory;
    }

    private sealed class Assembly
    {
        private readonly AccountCollection _account;
        private readonly ResourceInventory _inventory;

        public Assembly(AccountCollection account, ResourceInventory inventory)
        {
            _account = account;
            _inventory = inventory;
        }

        private string Arn(string service, string region, string resource) => $"arn:{_account.Partition}:{service}:{region}:{_account.AccountId}:{resource}";

        private void Add(ResourceKind kind, string arn, string resourceId, string region, TagSet tags, ResourceProperties properties, string? name) =>
            _inventory.Add(new InventoryResource(kind, arn, resourceId, _account.AccountId, region, tags, properties, DiscoverySource.ServiceApi, name ?? resourceId));

        /// <summary>Adds a resource whose tags come from the Tagging API listing of its region (or all regions, for S3).</summary>
        private void AddTaggedByApi(ResourceKind kind, string arn, string resourceId, string region, ResourceProperties properties, string? name)
        {
            var resource = new InventoryResource(kind, arn, resourceId, _account.AccountId, region, TagSet.Empty, properties, DiscoverySource.ServiceApi, name ?? resourceId);
            var home = _account.Regions.GetValueOrDefault(region);
            var found = _account.Regions.Values.Select(r => r.Tags?.GetValueOrDefault(arn)).FirstOrDefault(t => t is not null);
            if (found is not null)
            {
                resource = resource.WithTags(found);
            }
            else if (home?.TagsFailure is { } failure)
            {
                resource = resource.WithTags(TagSet.Empty, failure);
            }

            _inventory.Add(resource);
        }

        private static TagSet Tags(IEnumerable<Ec2.Tag>? tags) =>
            new((tags ?? new List<Ec2.Tag>()).Where(t => t.Key is not null).Select(t => KeyValuePair.Create(t.Key, t.Value ?? string.Empty)));

        private static string? NameTag(TagSet tags) => tags.TryGetValue("Name", out var name) ? name : null;

        public void Network(RegionCollection r)
        {
            var associations = (r.RouteTables ?? new())
                .SelectMany(t => (t.Associations ?? new()).Where(x => x.SubnetId is not null && x.Main != true).Select(x => (x.SubnetId, t.RouteTableId)))
                .GroupBy(x => x.SubnetId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().RouteTableId, StringComparer.Ordinal);

            foreach (var vpc in r.Vpcs ?? new())
            {
                var tags = Tags(vpc.Tags);
                Add(ResourceKinds.Vpc, Arn("ec2", r.Region, $"vpc/{vpc.VpcId}"), vpc.VpcId, r.Region, tags, new VpcProperties { IsDefault = vpc.IsDefault ?? false }, NameTag(tags));
            }

            foreach (var subnet in r.Subnets ?? new())
            {
                var tags = Tags(subnet.Tags);
                Fact<string?> routeTable = r.RouteTablesFailure is { } failure
                    ? Fact<string?>.ReadFailed(failure)
                    : r.RouteTables is null ? Fact<string?>.Unresolved("the route tables were not listed") : associations.GetValueOrDefault(subnet.SubnetId);
                Add(ResourceKinds.Subnet, subnet.SubnetArn ?? Arn("ec2", r.Region, $"subnet/{subnet.SubnetId}"), subnet.SubnetId, r.Region, tags, new SubnetProperties
                {
                    VpcId = subnet.VpcId,
                    AvailabilityZone = subnet.AvailabilityZone,
                    RouteTableId = routeTable,
                    MapPublicIpOnLaunch = subnet.MapPublicIpOnLaunch ?? false,
                }, NameTag(tags));
            }

            foreach (var table in r.RouteTables ?? new())
            {
                var tags = Tags(table.Tags);
                Add(ResourceKinds.RouteTable, Arn("ec2", r.Region, $"route-table/{table.RouteTableId}"), table.RouteTableId, r.Region, tags, new RouteTableProperties
                {
                    VpcId = table.VpcId,
                    IsMain = (table.Associations ?? new()).Any(x => x.Main == true),
                    Routes = Facts.List((table.Routes ?? new()).Select(ToRoute)),
                }, NameTag(tags));
            }

            foreach (var endpoint in r.VpcEndpoints ?? new())
            {
                var tags = Tags(endpoint.Tags);
                Add(ResourceKinds.VpcEndpoint, Arn("ec2", r.Region, $"vpc-endpoint/{endpoint.VpcEndpointId}"), endpoint.VpcEndpointId, r.Region, tags, new VpcEndpointProperties
                {
                    VpcId = endpoint.VpcId,
                    ServiceName = endpoint.ServiceName,
                    EndpointType = endpoint.VpcEndpointType?.Value ?? "Gateway",
                    RouteTableIds = Facts.List(endpoint.RouteTableIds),
                    SubnetIds = Facts.List(endpoint.SubnetIds),
                    State = endpoint.State?.Value,
                }, NameTag(tags));
            }
        }

        private static Route ToRoute(Ec2.Route route)
        {
            var destination = route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? route.DestinationPrefixListId ?? "unknown";
            var target = route.GatewayId ?? route.NatGatewayId ?? route.EgressOnlyInternetGatewayId ?? route.TransitGatewayId
                ?? route.VpcPeeringConnectionId ?? route.NetworkInterfaceId ?? route.InstanceId ?? route.CarrierGatewayId
                ?? route.LocalGatewayId ?? route.CoreNetworkArn ?? "unknown";
            return new Route(destination, target, route.State?.Value);
        }

        public void Compute(RegionCollection r)
        {
            foreach (var instance in r.Instances ?? new())
            {
                var tags = Tags(instance.Tags);
                Add(ResourceKinds.Instance, Arn("ec2", r.Region, $"instance/{instance.InstanceId}"), instance.InstanceId, r.Region, tags, new InstanceProperties
                {
                    SubnetId = string.IsNullOrEmpty(instance.SubnetId) ? null : instance.SubnetId,
                    VpcId = string.IsNullOrEmpty(instance.VpcId) ? null : instance.VpcId,
                    HasPublicIp = !string.IsNullOrEmpty(instance.PublicIpAddress),
                    PublicIpAddress = string.IsNullOrEmpty(instance.PublicIpAddress) ? null : instance.PublicIpAddress,
                    State = instance.State?.Name?.Value,
                }, NameTag(tags));
            }

            foreach (var volume in r.Volumes ?? new())
            {
                var tags = Tags(volume.Tags);
                Add(ResourceKinds.Volume, Arn("ec2", r.Region, $"volume/{volume.VolumeId}"), volume.VolumeId, r.Region, tags, new VolumeProperties
                {
                    Encrypted = volume.Encrypted ?? false,
                    KmsKeyId = volume.KmsKeyId,
                    AttachedInstanceIds = Facts.List((volume.Attachments ?? new()).Select(x => x.InstanceId).Where(i => i is not null)),
                }, NameTag(tags));
            }

            foreach (var function in r.Functions ?? new())
            {
                if (function.FunctionArn is null || function.FunctionName is null)
                {
                    continue;
                }

                var vpc = function.VpcConfig?.VpcId;
                AddTaggedByApi(ResourceKinds.Function, function.FunctionArn, function.FunctionName, r.Region, new FunctionProperties
                {
                    VpcId = string.IsNullOrEmpty(vpc) ? null : vpc,
                    SubnetIds = Facts.List(function.VpcConfig?.SubnetIds),
                }, function.FunctionName);
            }
        }

        public void Databases(RegionCollection r)
        {
            foreach (var db in r.DbInstances ?? new())
            {
                if (db.DBInstanceIdentifier is null)
                {
                    continue;
                }

                var tags = new TagSet(db.TagList.Where(t => t.Key is not null).Select(t => KeyValuePair.Create(t.Key!, t.Value ?? string.Empty)));
                Add(ResourceKinds.DbInstance, db.DBInstanceArn ?? Arn("rds", r.Region, $"db:{db.DBInstanceIdentifier}"), db.DBInstanceIdentifier, r.Region, tags, new DbInstanceProperties
                {
                    Engine = db.Engine ?? "unknown",
                    ClusterId = db.DBClusterIdentifier,
                    MultiAz = db.MultiAZ ?? false,
                    PubliclyAccessible = db.PubliclyAccessible ?? false,
                    StorageEncrypted = db.StorageEncrypted ?? false,
                    KmsKeyId = db.KmsKeyId,
                    SubnetIds = Facts.List(db.DBSubnetGroup?.Subnets.Select(s => s.SubnetIdentifier).Where(s => s is not null).Select(s => s!)),
                    AvailabilityZone = db.AvailabilityZone,
                    SecondaryAvailabilityZone = db.SecondaryAvailabilityZone,
                }, db.DBInstanceIdentifier);
            }

            foreach (var cluster in r.DbClusters ?? new())
            {
                if (cluster.DBClusterIdentifier is null)
                {
                    continue;
                }

                var tags = new TagSet(cluster.TagList.Where(t => t.Key is not null).Select(t => KeyValuePair.Create(t.Key!, t.Value ?? string.Empty)));
                Add(ResourceKinds.DbCluster, cluster.DBClusterArn ?? Arn("rds", r.Region, $"cluster:{cluster.DBClusterIdentifier}"), cluster.DBClusterIdentifier, r.Region, tags, new DbClusterProperties
                {
                    Engine = cluster.Engine ?? "unknown",
                    EngineMode = cluster.EngineMode,
                    MultiAz = cluster.MultiAZ ?? false,
                    MemberInstanceIds = Facts.List(cluster.DBClusterMembers.Select(m => m.DBInstanceIdentifier).Where(m => m is not null).Select(m => m!)),
                    StorageEncrypted = cluster.StorageEncrypted ?? false,
                    KmsKeyId = cluster.KmsKeyId,
                }, cluster.DBClusterIdentifier);
            }

            foreach (var group in r.ReplicationGroups ?? new())
            {
                if (group.ReplicationGroupId is null)
                {
                    continue;
                }

                AddTaggedByApi(ResourceKinds.CacheReplicationGroup, group.ARN ?? Arn("elasticache", r.Region, $"replicationgroup:{group.ReplicationGroupId}"),
                    group.ReplicationGroupId, r.Region, new CacheReplicationGroupProperties
                    {
                        MultiAz = group.MultiAZ,
                        AutomaticFailover = group.AutomaticFailover,
                        AtRestEncryptionEnabled = group.AtRestEncryptionEnabled ?? false,
                        TransitEncryptionEnabled = group.TransitEncryptionEnabled ?? false,
                        MemberClusterIds = Facts.List(group.MemberClusters),
                        SubnetIds = r.ReplicationGroupSubnets?.GetValueOrDefault(group.ReplicationGroupId) ?? Fact<IReadOnlyList<string>>.Unresolved("the cache subnet groups were not listed"),
                    }, group.ReplicationGroupId);
            }

            foreach (var (fs, zones) in r.FileSystems ?? new())
            {
                if (fs.FileSystemId is null)
                {
                    continue;
                }

                var tags = new TagSet(fs.Tags.Where(t => t.Key is not null).Select(t => KeyValuePair.Create(t.Key!, t.Value ?? string.Empty)));
                Add(ResourceKinds.FileSystem, fs.FileSystemArn ?? Arn("elasticfilesystem", r.Region, $"file-system/{fs.FileSystemId}"), fs.FileSystemId, r.Region, tags, new FileSystemProperties
                {
                    Encrypted = fs.Encrypted ?? false,
                    KmsKeyId = fs.KmsKeyId,
                    AvailabilityZoneName = string.IsNullOrEmpty(fs.AvailabilityZoneName) ? null : fs.AvailabilityZoneName,
                    MountTargetAvailabilityZones = zones,
                }, fs.Name ?? NameTag(tags) ?? fs.FileSystemId);
            }
        }

        public void LoadBalancing(RegionCollection r)
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var lb in r.LoadBalancers ?? new())
            {
                if (lb.LoadBalancerArn is null)
                {
                    continue;
                }

                names[lb.LoadBalancerArn] = lb.LoadBalancerName ?? lb.LoadBalancerArn;
                AddTaggedByApi(ResourceKinds.LoadBalancer, lb.LoadBalancerArn, Engine.Inventory.Arn.Parse(lb.LoadBalancerArn).ResourceId, r.Region, new LoadBalancerProperties
                {
                    Type = lb.Type ?? "application",
                    Scheme = lb.Scheme ?? "internet-facing",
                    VpcId = lb.VpcId,
                    SubnetIds = Facts.List(lb.AvailabilityZones.Select(z => z.SubnetId).Where(s => s is not null).Select(s => s!)),
                }, lb.LoadBalancerName);
            }

            foreach (var listener in r.Listeners ?? new())
            {
                if (listener.ListenerArn is null)
                {
                    continue;
                }

                var lbName = listener.LoadBalancerArn is null ? null : names.GetValueOrDefault(listener.LoadBalancerArn);
                Add(ResourceKinds.Listener, listener.ListenerArn, Engine.Inventory.Arn.Parse(listener.ListenerArn).ResourceId, r.Region, TagSet.Empty, new ListenerProperties
                {
                    LoadBalancerId = listener.LoadBalancerArn ?? string.Empty,
                    Protocol = listener.Protocol ?? "unknown",
                    Port = listener.Port ?? 0,
                    SslPolicy = listener.SslPolicy,
                    DefaultActions = Facts.List(listener.DefaultActions.OrderBy(x => x.Order ?? 0).Select(x => new ListenerAction(
                        x.Type ?? "unknown",
                        x.RedirectConfig?.Protocol,
                        (x.TargetGroupArn is null ? Enumerable.Empty<string>() : new[] { x.TargetGroupArn })
                            .Concat(x.ForwardConfig?.TargetGroups.Select(t => t.TargetGroupArn).Where(t => t is not null).Select(t => t!) ?? Enumerable.Empty<string>())
                            .Distinct(StringComparer.Ordinal).ToList()))),
                }, lbName is null ? null : $"{lbName}:{listener.Port}");
            }

            foreach (var group in r.TargetGroups ?? new())
            {
                if (group.TargetGroupArn is null)
                {
                    continue;
                }

                AddTaggedByApi(ResourceKinds.TargetGroup, group.TargetGroupArn, Engine.Inventory.Arn.Parse(group.TargetGroupArn).ResourceId, r.Region, new TargetGroupProperties
                {
                    Protocol = group.Protocol,
                    LoadBalancerIds = Facts.List(group.LoadBalancerArns.Distinct(StringComparer.Ordinal)),
                    VpcId = group.VpcId,
                    TargetType = group.TargetType,
                }, group.TargetGroupName);
            }
        }

        public void Data(RegionCollection r)
        {
            foreach (var table in r.Tables ?? new())
            {
                AddTaggedByApi(ResourceKinds.Table, table.Arn, table.Name, r.Region, new TableProperties { SseType = table.SseType, KmsKeyArn = table.KmsKeyArn }, table.Name);
            }

            foreach (var queue in r.Queues ?? new())
            {
                var name = queue.Url[(queue.Url.LastIndexOf('/') + 1)..];
                AddTaggedByApi(ResourceKinds.Queue, queue.Arn, name, r.Region, new QueueProperties { SqsManagedSseEnabled = queue.SqsManagedSse, KmsMasterKeyId = queue.KmsMasterKeyId }, name);
            }

            foreach (var topic in r.Topics ?? new())
            {
                var name = topic.Arn[(topic.Arn.LastIndexOf(':') + 1)..];
                AddTaggedByApi(ResourceKinds.Topic, topic.Arn, name, r.Region, new TopicProperties { KmsMasterKeyId = topic.KmsMasterKeyId }, name);
            }
        }

        public void Audit(RegionCollection r)
        {
            foreach (var detector in r.Detectors ?? new())
            {
                Add(ResourceKinds.Detector, Arn("guardduty", r.Region, $"detector/{detector.Id}"), detector.Id, r.Region, detector.Tags,
                    new DetectorProperties { Status = detector.Status }, detector.Id);
            }

            foreach (var detail in r.Trails ?? new())
            {
                // Trails show in every region they record; each is added once, in its home region.
                var trail = detail.Trail;
                if (_inventory.Get(trail.TrailARN!) is not null)
                {
                    continue;
                }

                Add(ResourceKinds.Trail, trail.TrailARN!, trail.Name ?? trail.TrailARN!, trail.HomeRegion ?? r.Region, TagSet.Empty, new TrailProperties
                {
                    IsMultiRegion = trail.IsMultiRegionTrail ?? false,
                    IsLogging = detail.IsLogging,
                    LogFileValidationEnabled = trail.LogFileValidationEnabled ?? false,
                    IsOrganizationTrail = trail.IsOrganizationTrail ?? false,
                    HomeRegion = trail.HomeRegion,
                    ManagementEvents = detail.ManagementEvents,
                }, trail.Name);
            }
        }

        public void Global()
        {
            foreach (var bucket in _account.Buckets ?? new())
            {
                AddTaggedByApi(ResourceKinds.Bucket, $"arn:{_account.Partition}:s3:::{bucket.Name}", bucket.Name, bucket.Region, new BucketProperties
                {
                    EncryptionAlgorithm = bucket.Algorithm,
                    KmsKeyId = bucket.KmsKeyId,
                    Policy = bucket.Policy,
                }, bucket.Name);
            }

            foreach (var page in _account.Iam ?? new())
            {
                foreach (var policy in page.Policies.Where(p => p.Arn is not null))
                {
                    var version = policy.PolicyVersionList.FirstOrDefault(v => v.IsDefaultVersion == true) ?? policy.PolicyVersionList.FirstOrDefault();
                    // moto (5.2.1) leaves PolicyName out of GetAccountAuthorizationDetails; the ARN ends with it.
                    var name = policy.PolicyName ?? Engine.Inventory.Arn.Parse(policy.Arn!).ResourceId;
                    Add(ResourceKinds.ManagedPolicy, policy.Arn!, name, PseudoResourceIds.GlobalRegion, TagSet.Empty, new ManagedPolicyProperties
                    {
                        Document = Document(version?.Document),
                        AttachmentCount = policy.AttachmentCount ?? 0,
                    }, name);
                }

                foreach (var role in page.RoleDetailList.Where(x => x.Arn is not null))
                {
                    Add(ResourceKinds.Role, role.Arn!, role.RoleName ?? role.Arn!, PseudoResourceIds.GlobalRegion, IamTags(role.Tags),
                        Principal(role.RolePolicyList, role.AttachedManagedPolicies), role.RoleName);
                }

                foreach (var user in page.UserDetailList.Where(x => x.Arn is not null))
                {
                    Add(ResourceKinds.User, user.Arn!, user.UserName ?? user.Arn!, PseudoResourceIds.GlobalRegion, IamTags(user.Tags),
                        Principal(user.UserPolicyList, user.AttachedManagedPolicies), user.UserName);
                }

                foreach (var group in page.GroupDetailList.Where(x => x.Arn is not null))
                {
                    Add(ResourceKinds.Group, group.Arn!, group.GroupName ?? group.Arn!, PseudoResourceIds.GlobalRegion, TagSet.Empty,
                        Principal(group.GroupPolicyList, group.AttachedManagedPolicies), group.GroupName);
                }
            }

            foreach (var detail in _account.Budgets ?? new())
            {
                var budget = detail.Budget;
                Add(ResourceKinds.Budget, budget.Arn, budget.Name, PseudoResourceIds.GlobalRegion, TagSet.Empty, new BudgetProperties
                {
                    Project = budget.Project,
                    BudgetType = budget.BudgetType,
                    NotificationTypes = detail.NotificationTypes,
                }, budget.Name);
            }

            foreach (var key in _account.Keys.Values)
            {
                if (key.Arn is null || _inventory.Get(key.Arn) is not null)
                {
                    continue;
                }

                Add(ResourceKinds.KmsKey, key.Arn, key.KeyId ?? key.Reference, key.Region, TagSet.Empty, new KmsKeyProperties { KeyManager = key.KeyManager }, key.KeyId);
            }
        }

        private static TagSet IamTags(List<Tag> tags) =>
            new(tags.Where(t => t.Key is not null).Select(t => KeyValuePair.Create(t.Key!, t.Value ?? string.Empty)));

        private static PrincipalProperties Principal(List<PolicyDetail> inline, List<AttachedPolicy> attached) => new()
        {
            InlinePolicies = Collect(inline),
            AttachedPolicyArns = Facts.List(attached.Select(p => p.PolicyArn).Where(p => p is not null).Select(p => p!)),
        };

        private static Fact<IReadOnlyList<NamedPolicy>> Collect(List<PolicyDetail> inline)
        {
            var policies = new List<NamedPolicy>();
            foreach (var policy in inline)
            {
                var document = Document(policy.PolicyDocument);
                if (!document.TryGet(out var parsed))
                {
                    return document.Select<IReadOnlyList<NamedPolicy>>(_ => policies);
                }

                policies.Add(new NamedPolicy(policy.PolicyName ?? "(unnamed)", parsed));
            }

            return policies;
        }

        /// <summary>IAM returns policy documents URL-encoded (RFC 3986).</summary>
        private static Fact<PolicyDocument> Document(string? encoded)
        {
            if (string.IsNullOrEmpty(encoded))
            {
                return Fact<PolicyDocument>.ReadFailed("IAM returned no policy document");
            }

            try
            {
                var text = encoded.TrimStart().StartsWith('{') ? encoded : Uri.UnescapeDataString(encoded);
                return PolicyDocument.Parse(text);
            }
            catch (Engine.Errors.WAOpsException ex)
            {
                return Fact<PolicyDocument>.ReadFailed(ex.Message);
            }
        }
    }
}
