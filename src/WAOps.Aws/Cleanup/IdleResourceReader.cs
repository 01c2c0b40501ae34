using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.EC2;
using Amazon.EC2.Model;
using WAOps.Engine.Inventory;
using WAOps.Aws.Collection;
using WAOps.Aws.Services.ElasticLoadBalancingV2;
using WAOps.Aws.Services.Rds;
using WAOps.Aws.Services.Sdk;
using WAOps.Aws.Session;
using WAOps.Engine.Cleanup;
using WAOps.Engine.Errors;
using WAOps.Engine.Tags;
using Elb = WAOps.Aws.Services.ElasticLoadBalancingV2.Model;
using Rds = WAOps.Aws.Services.Rds.Model;

namespace WAOps.Aws.Cleanup;

/// <summary>
/// Lists the resources idle criteria judge, in one region, with their tags and the properties the criteria need:
/// EC2 instances, volumes, snapshots (with the AMIs that use them), Elastic IPs and NAT gateways through the official
/// EC2 client; load balancers (tags, target groups, target health) and RDS instances through WAOps' protocol clients.
/// Every listing uses the largest page its API allows, and listings run in parallel under a small bound. Target health
/// is read only for load balancers the caller wants (the scope guard's environments), so out-of-scope load balancers
/// cost no per-target-group call. It also reads single resources again just before they are acted on.
/// </summary>
public sealed partial class IdleResourceReader : IDisposable
{
    private const int ListingConcurrency = 4;
    private const int InstancesPerPage = 1000;
    private const int VolumesPerPage = 500;
    private const int SnapshotsPerPage = 1000;
    private const int ImagesPerPage = 1000;
    private const int NatGatewaysPerPage = 1000;
    private const int InstanceIdsPerCall = 1000;

    private readonly AwsSession _session;
    private readonly AmazonEC2Client _ec2;
    private readonly Lazy<AmazonEC2Client> _ec2Writes;
    private readonly string _partition;

    public IdleResourceReader(AwsSession session, string accountId)
    {
        _session = session;
        AccountId = accountId;
        _partition = AwsRegionName.Partition(session.Region);
        _ec2 = AwsSdkClientFactory.CreateEc2(session);
        _ec2Writes = new Lazy<AmazonEC2Client>(() => AwsSdkClientFactory.CreateEc2ForWrites(session));
        Elb = new ElasticLoadBalancingV2Client(session);
        Rds = new RdsClient(session);
    }

    public string AccountId { get; }

    public string Region => _session.Region;

    internal ElasticLoadBalancingV2Client Elb { get; }

    internal RdsClient Rds { get; }

    internal AmazonEC2Client Ec2 => _ec2;

    /// <summary>The client for the cleanup's writes: a fresh connection per request, so a lost answer is never re-sent unseen.</summary>
    internal AmazonEC2Client Ec2Writes => _ec2Writes.Value;

    internal SdkCalls Ec2Calls(CancellationToken cancellationToken) => new(AwsSdkClientFactory.Ec2, _session, cancellationToken);

    public void Dispose()
    {
        _ec2.Dispose();
        if (_ec2Writes.IsValueCreated)
        {
            _ec2Writes.Value.Dispose();
        }
    }

    /// <summary>
    /// Lists the kinds asked for. <paramref name="wanted"/> says, from a resource's tags, whether it is worth the
    /// extra calls some kinds need (target health); <paramref name="onListing"/> hears each listing as it completes.
    /// </summary>
    public async Task<IReadOnlyList<IdleResource>> ListAsync(IReadOnlySet<IdleResourceKind> kinds, Func<TagSet, bool> wanted, Action<string>? onListing,
        Action<CollectionFailure> onFailure, CancellationToken cancellationToken)
    {
        var found = new ConcurrentBag<IdleResource>();
        var volumes = new ConcurrentDictionary<string, Volume>(StringComparer.Ordinal);
        var instanceStates = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var runner = new CollectionRunner(ListingConcurrency) { OnFailure = onFailure, OnProgress = p => onListing?.Invoke(p.LastListing) };
        CollectionWork Listing(string name, Func<Task> list) => new(Region, name, _ => list());

        // Volumes first when instances are listed too: an instance's volume sizes price its termination.
        var rawInstances = new ConcurrentBag<Instance>();
        var first = new List<CollectionWork>();
        if (kinds.Contains(IdleResourceKind.EbsVolume))
        {
            first.Add(Listing("EC2 volumes", async () =>
            {
                await Ec2Calls(cancellationToken).PageAsync("DescribeVolumes",
                    (token, ct) => _ec2.DescribeVolumesAsync(new DescribeVolumesRequest { MaxResults = VolumesPerPage, NextToken = token }, ct),
                    page => page.NextToken,
                    page =>
                    {
                        foreach (var volume in page.Volumes ?? new())
                        {
                            volumes[volume.VolumeId] = volume;
                            found.Add(MapVolume(volume));
                        }
                    }).ConfigureAwait(false);
            }));
        }

        if (kinds.Contains(IdleResourceKind.Ec2Instance) || kinds.Contains(IdleResourceKind.ElasticIp))
        {
            first.Add(Listing("EC2 instances", () => Ec2Calls(cancellationToken).PageAsync("DescribeInstances",
                (token, ct) => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = InstancesPerPage, NextToken = token }, ct),
                page => page.NextToken,
                page =>
                {
                    foreach (var instance in (page.Reservations ?? new()).SelectMany(r => r.Instances ?? new()))
                    {
                        instanceStates[instance.InstanceId] = instance.State?.Name?.Value ?? "unknown";
                        rawInstances.Add(instance);
                    }
                })));
        }

        if (kinds.Contains(IdleResourceKind.EbsSnapshot))
        {
            first.Add(Listing("EC2 snapshots", async () =>
            {
                foreach (var snapshot in await ListSnapshotsAsync(cancellationToken).ConfigureAwait(false))
                {
                    found.Add(snapshot);
                }
            }));
        }

        if (kinds.Contains(IdleResourceKind.NatGateway))
        {
            first.Add(Listing("EC2 NAT gateways", () => Ec2Calls(cancellationToken).PageAsync("DescribeNatGateways",
                (token, ct) => _ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { MaxResults = NatGatewaysPerPage, NextToken = token }, ct),
                page => page.NextToken,
                page =>
                {
                    foreach (var gateway in (page.NatGateways ?? new()).Where(n => n.State?.Value is not ("deleted" or "deleting")))
                    {
                        found.Add(MapNatGateway(gateway));
                    }
                })));
        }

        if (kinds.Contains(IdleResourceKind.LoadBalancer))
        {
            first.Add(Listing("ELBv2 load balancers", async () =>
            {
                foreach (var balancer in await ListLoadBalancersAsync(null, wanted, cancellationToken).ConfigureAwait(false))
                {
                    found.Add(balancer);
                }
            }));
        }

        if (kinds.Contains(IdleResourceKind.DbInstance))
        {
            first.Add(Listing("RDS DB instances", async () =>
            {
                await foreach (var database in Rds.DescribeAllDBInstancesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    found.Add(MapDatabase(database));
                }
            }));
        }

        await runner.RunAsync(first, cancellationToken).ConfigureAwait(false);

        if (kinds.Contains(IdleResourceKind.Ec2Instance))
        {
            foreach (var instance in rawInstances.Where(i => i.State?.Name?.Value is not ("terminated" or "shutting-down")))
            {
                found.Add(MapInstance(instance, volumes));
            }
        }

        if (kinds.Contains(IdleResourceKind.ElasticIp))
        {
            await runner.RunAsync(new[] { Listing("EC2 Elastic IPs", async () =>
            {
                var addresses = (await Ec2Calls(cancellationToken).RunAsync("DescribeAddresses", ct => _ec2.DescribeAddressesAsync(new DescribeAddressesRequest(), ct)).ConfigureAwait(false))
                    .Addresses ?? new();
                var unknown = addresses.Select(a => NullIfEmpty(a.InstanceId)).Where(id => id is not null && !instanceStates.ContainsKey(id)).Select(id => id!).Distinct().ToList();
                foreach (var (id, state) in await ReadInstanceStatesAsync(unknown, cancellationToken).ConfigureAwait(false))
                {
                    instanceStates[id] = state;
                }

                foreach (var address in addresses.Where(a => a.AllocationId is not null))
                {
                    found.Add(MapAddress(address, instanceStates));
                }
            }) }, cancellationToken).ConfigureAwait(false);
        }

        return found.ToList();
    }

    /// <summary>Reads one resource again (state and tags) just before it is acted on; AWS's NotFound error when it is gone.</summary>
    public async Task<IdleResource> ReadAsync(IdleResource planned, CancellationToken cancellationToken)
    {
        var calls = Ec2Calls(cancellationToken);
        switch (planned)
        {
            case Ec2InstanceResource:
            {
                var response = await calls.RunAsync("DescribeInstances", ct => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = new() { planned.Id } }, ct)).ConfigureAwait(false);
                var instance = (response.Reservations ?? new()).SelectMany(r => r.Instances ?? new()).FirstOrDefault(i => i.InstanceId == planned.Id)
                    ?? throw Gone(planned, "DescribeInstances", "InvalidInstanceID.NotFound");
                return MapInstance(instance, new Dictionary<string, Volume>());
            }

            case EbsVolumeResource:
            {
                var response = await calls.RunAsync("DescribeVolumes", ct => _ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = new() { planned.Id } }, ct)).ConfigureAwait(false);
                return MapVolume((response.Volumes ?? new()).FirstOrDefault() ?? throw Gone(planned, "DescribeVolumes", "InvalidVolume.NotFound"));
            }

            case EbsSnapshotResource:
            {
                var response = await calls.RunAsync("DescribeSnapshots", ct => _ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = new() { planned.Id } }, ct)).ConfigureAwait(false);
                var snapshot = (response.Snapshots ?? new()).FirstOrDefault() ?? throw Gone(planned, "DescribeSnapshots", "InvalidSnapshot.NotFound");
                // The account's AMIs are listed and matched here rather than filtered by block-device-mapping.snapshot-id,
                // which moto 5.2.1 does not implement (HTTP 500); the answer is the same.
                var usedBy = await ImagesBySnapshotAsync(cancellationToken).ConfigureAwait(false);
                return MapSnapshot(snapshot, usedBy.TryGetValue(planned.Id, out var images) ? images : new List<string>());
            }

            case ElasticIpResource:
            {
                var response = await calls.RunAsync("DescribeAddresses", ct => _ec2.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = new() { planned.Id } }, ct)).ConfigureAwait(false);
                var address = (response.Addresses ?? new()).FirstOrDefault() ?? throw Gone(planned, "DescribeAddresses", "InvalidAllocationID.NotFound");
                var states = NullIfEmpty(address.InstanceId) is { } instanceId
                    ? await ReadInstanceStatesAsync(new[] { instanceId }, cancellationToken).ConfigureAwait(false)
                    : new Dictionary<string, string>();
                return MapAddress(address, states);
            }

            case NatGatewayResource:
            {
                var response = await calls.RunAsync("DescribeNatGateways", ct => _ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { NatGatewayIds = new() { planned.Id } }, ct)).ConfigureAwait(false);
                return MapNatGateway((response.NatGateways ?? new()).FirstOrDefault() ?? throw Gone(planned, "DescribeNatGateways", "NatGatewayNotFound"));
            }

            case LoadBalancerResource:
                return (await ListLoadBalancersAsync(planned.Arn, _ => true, cancellationToken).ConfigureAwait(false)).FirstOrDefault()
                    ?? throw Gone(planned, "DescribeLoadBalancers", "LoadBalancerNotFound");

            case DbInstanceResource:
            {
                var response = await Rds.DescribeDBInstancesAsync(new Rds.DescribeDBInstancesRequest { DBInstanceIdentifier = planned.Id }, cancellationToken).ConfigureAwait(false);
                return MapDatabase(response.DBInstances.FirstOrDefault() ?? throw Gone(planned, "DescribeDBInstances", "DBInstanceNotFound"));
            }

            default:
                throw new ArgumentException($"{planned.Kind} cannot be read again.", nameof(planned));
        }
    }

    private async Task<List<IdleResource>> ListSnapshotsAsync(CancellationToken cancellationToken)
    {
        var usedBy = await ImagesBySnapshotAsync(cancellationToken).ConfigureAwait(false);
        var snapshots = new List<IdleResource>();
        await Ec2Calls(cancellationToken).PageAsync("DescribeSnapshots",
            (token, ct) => _ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { OwnerIds = new() { "self" }, MaxResults = SnapshotsPerPage, NextToken = token }, ct),
            page => page.NextToken,
            // OwnerIds self should return only the account's snapshots; the owner is checked again because moto 5.2.1
            // also returns the snapshots behind its built-in public AMIs, owned by other accounts.
            page => snapshots.AddRange((page.Snapshots ?? new()).Where(s => string.IsNullOrEmpty(s.OwnerId) || s.OwnerId == AccountId)
                .Select(s => MapSnapshot(s, usedBy.TryGetValue(s.SnapshotId, out var images) ? images : new List<string>()))))
            .ConfigureAwait(false);
        return snapshots;
    }

    /// <summary>The account's own AMIs by the snapshots their block device mappings use.</summary>
    private async Task<Dictionary<string, List<string>>> ImagesBySnapshotAsync(CancellationToken cancellationToken)
    {
        var calls = Ec2Calls(cancellationToken);
        var usedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await calls.PageAsync("DescribeImages",
            // Disabled AMIs are listed too (AWS leaves them out by default): their snapshots are what re-enabling needs.
            (token, ct) => _ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = new() { "self" }, IncludeDisabled = true, MaxResults = ImagesPerPage, NextToken = token }, ct),
            page => page.NextToken,
            page =>
            {
                foreach (var image in page.Images ?? new())
                {
                    foreach (var snapshotId in (image.BlockDeviceMappings ?? new()).Select(m => m.Ebs?.SnapshotId).Where(s => !string.IsNullOrEmpty(s)))
                    {
                        if (!usedBy.TryGetValue(snapshotId!, out var images))
                        {
                            usedBy[snapshotId!] = images = new List<string>();
                        }

                        images.Add(image.ImageId);
                    }
                }
            }).ConfigureAwait(false);
        return usedBy;
    }

    private async Task<IReadOnlyDictionary<string, string>> ReadInstanceStatesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in instanceIds.Chunk(InstanceIdsPerCall))
        {
            try
            {
                await Ec2Calls(cancellationToken).PageAsync("DescribeInstances",
                    (token, ct) => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = new() { new Filter("instance-id", chunk.ToList()) }, NextToken = token }, ct),
                    page => page.NextToken,
                    page =>
                    {
                        foreach (var instance in (page.Reservations ?? new()).SelectMany(r => r.Instances ?? new()))
                        {
                            states[instance.InstanceId] = instance.State?.Name?.Value ?? "unknown";
                        }
                    }).ConfigureAwait(false);
            }
            catch (Protocol.AwsServiceException ex) when (ex.IsNotFound)
            {
                // An instance that no longer exists: its address's state stays unknown (never idle by that alone).
            }
        }

        return states;
    }

    private async Task<List<IdleResource>> ListLoadBalancersAsync(string? arn, Func<TagSet, bool> wanted, CancellationToken cancellationToken)
    {
        var balancers = new List<Elb.LoadBalancer>();
        if (arn is null)
        {
            await foreach (var balancer in Elb.DescribeAllLoadBalancersAsync(cancellationToken).ConfigureAwait(false))
            {
                balancers.Add(balancer);
            }
        }
        else
        {
            var response = await Elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest { LoadBalancerArns = new() { arn } }, cancellationToken).ConfigureAwait(false);
            balancers.AddRange(response.LoadBalancers);
        }

        var tags = new Dictionary<string, TagSet>(StringComparer.Ordinal);
        foreach (var chunk in balancers.Where(b => b.LoadBalancerArn is not null).Select(b => b.LoadBalancerArn!).Chunk(ElasticLoadBalancingV2Client.MaxTagResources))
        {
            var response = await Elb.DescribeTagsAsync(new Elb.DescribeTagsRequest { ResourceArns = chunk.ToList() }, cancellationToken).ConfigureAwait(false);
            foreach (var description in response.TagDescriptions.Where(d => d.ResourceArn is not null))
            {
                tags[description.ResourceArn!] = new TagSet(description.Tags.Where(t => t.Key is not null).Select(t => KeyValuePair.Create(t.Key!, t.Value ?? string.Empty)));
            }
        }

        var interesting = balancers.Where(b => b.LoadBalancerArn is not null && wanted(tags.GetValueOrDefault(b.LoadBalancerArn!, TagSet.Empty))).Select(b => b.LoadBalancerArn!)
            .ToHashSet(StringComparer.Ordinal);
        var groups = new Dictionary<string, List<Elb.TargetGroup>>(StringComparer.Ordinal);
        if (interesting.Count > 0)
        {
            // One listing of every target group serves all load balancers (each names the load balancers it serves).
            try
            {
                await foreach (var group in Elb.DescribeAllTargetGroupsAsync(arn, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var owner in group.LoadBalancerArns.Where(interesting.Contains))
                    {
                        if (!groups.TryGetValue(owner, out var list))
                        {
                            groups[owner] = list = new List<Elb.TargetGroup>();
                        }

                        list.Add(group);
                    }
                }
            }
            catch (Protocol.AwsServiceException ex) when (arn is not null && ex.ErrorCode == "TargetGroupNotFound")
            {
                // moto 5.2.1 answers TargetGroupNotFound for a load balancer without target groups where AWS answers an
                // empty list; either way it has none.
            }
        }

        var health = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var group in groups.Values.SelectMany(g => g).DistinctBy(g => g.TargetGroupArn))
        {
            var response = await Elb.DescribeTargetHealthAsync(new Elb.DescribeTargetHealthRequest { TargetGroupArn = group.TargetGroupArn }, cancellationToken).ConfigureAwait(false);
            health[group.TargetGroupArn!] = response.TargetHealthDescriptions.Select(d => d.TargetHealth?.State ?? "unknown").ToList();
        }

        return balancers.Where(b => b.LoadBalancerArn is not null).Select(b =>
        {
            var balancerArn = b.LoadBalancerArn!;
            TargetHealthSummary? targets = null;
            if (interesting.Contains(balancerArn))
            {
                var own = groups.GetValueOrDefault(balancerArn) ?? new List<Elb.TargetGroup>();
                targets = new TargetHealthSummary(own.Count, own.SelectMany(g => health[g.TargetGroupArn!]));
            }

            return (IdleResource)new LoadBalancerResource(b.LoadBalancerName ?? balancerArn, balancerArn, Region, tags.GetValueOrDefault(balancerArn, TagSet.Empty), Utc(b.CreatedTime),
                b.Type ?? "application", b.State?.Code ?? "unknown", targets);
        }).ToList();
    }

    internal IdleResource MapInstance(Instance instance, IReadOnlyDictionary<string, Volume> volumes)
    {
        var tags = TagsOf(instance.Tags);
        // The primary network interface is attached at launch and stays across stops and starts, unlike LaunchTime.
        var created = (instance.NetworkInterfaces ?? new()).Where(n => n.Attachment?.DeviceIndex == 0).Select(n => Utc(n.Attachment?.AttachTime)).FirstOrDefault() ?? Utc(instance.LaunchTime);
        var attached = (instance.BlockDeviceMappings ?? new()).Where(m => m.Ebs?.VolumeId is not null).Select(m =>
        {
            volumes.TryGetValue(m.Ebs.VolumeId, out var volume);
            return new AttachedVolume(m.Ebs.VolumeId, m.Ebs.DeleteOnTermination ?? false, volume?.Size, volume?.VolumeType?.Value);
        }).ToList();
        var state = instance.State?.Name?.Value ?? "unknown";
        return new Ec2InstanceResource(instance.InstanceId, Arn("ec2", $"instance/{instance.InstanceId}"), Region, tags, created, instance.InstanceType?.Value ?? "unknown", state,
            state == "stopped" ? StoppedAt(instance.StateTransitionReason) : null, attached);
    }

    private IdleResource MapVolume(Volume volume) =>
        new EbsVolumeResource(volume.VolumeId, Arn("ec2", $"volume/{volume.VolumeId}"), Region, TagsOf(volume.Tags), Utc(volume.CreateTime), volume.Size ?? 0,
            volume.VolumeType?.Value ?? "unknown", volume.State?.Value ?? "unknown", (volume.Attachments ?? new()).Select(a => a.InstanceId).Where(i => !string.IsNullOrEmpty(i)).ToList());

    private IdleResource MapSnapshot(Snapshot snapshot, IReadOnlyList<string> usedBy) =>
        new EbsSnapshotResource(snapshot.SnapshotId, $"arn:{_partition}:ec2:{Region}::snapshot/{snapshot.SnapshotId}", Region, TagsOf(snapshot.Tags), Utc(snapshot.StartTime),
            NullIfEmpty(snapshot.VolumeId), snapshot.VolumeSize ?? 0, snapshot.State?.Value ?? "unknown", usedBy);

    private IdleResource MapAddress(Address address, IReadOnlyDictionary<string, string> instanceStates)
    {
        var instanceId = NullIfEmpty(address.InstanceId);
        return new ElasticIpResource(address.AllocationId, Arn("ec2", $"elastic-ip/{address.AllocationId}"), Region, TagsOf(address.Tags), address.PublicIp ?? string.Empty,
            NullIfEmpty(address.AssociationId), instanceId, NullIfEmpty(address.NetworkInterfaceId), instanceId is null ? null : instanceStates.GetValueOrDefault(instanceId),
            NullIfEmpty(address.ServiceManaged?.Value));
    }

    private IdleResource MapNatGateway(NatGateway gateway) =>
        new NatGatewayResource(gateway.NatGatewayId, Arn("ec2", $"natgateway/{gateway.NatGatewayId}"), Region, TagsOf(gateway.Tags), Utc(gateway.CreateTime),
            gateway.State?.Value ?? "unknown", gateway.ConnectivityType?.Value ?? "public",
            (gateway.NatGatewayAddresses ?? new()).Select(a => a.AllocationId).Where(a => !string.IsNullOrEmpty(a)).ToList());

    private IdleResource MapDatabase(Rds.DBInstance database)
    {
        var id = database.DBInstanceIdentifier ?? string.Empty;
        return new DbInstanceResource(id, database.DBInstanceArn ?? $"arn:{_partition}:rds:{Region}:{AccountId}:db:{id}", Region,
            new TagSet(database.TagList.Where(t => t.Key is not null).Select(t => KeyValuePair.Create(t.Key!, t.Value ?? string.Empty))), Utc(database.InstanceCreateTime),
            database.DBInstanceClass ?? "unknown", database.Engine ?? "unknown", database.DBInstanceStatus ?? "unknown", database.MultiAZ ?? false, database.AllocatedStorage ?? 0,
            database.StorageType, database.DeletionProtection ?? false, database.DBClusterIdentifier, database.ReadReplicaSourceDBInstanceIdentifier is not null,
            database.ReadReplicaDBInstanceIdentifiers.Count > 0);
    }

    private string Arn(string service, string resource) => $"arn:{_partition}:{service}:{Region}:{AccountId}:{resource}";

    private static TagSet TagsOf(List<Tag>? tags) =>
        tags is null ? TagSet.Empty : new TagSet(tags.Where(t => t.Key is not null).Select(t => KeyValuePair.Create(t.Key, t.Value ?? string.Empty)));

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static DateTimeOffset? Utc(DateTime? time) => time is { } t ? new DateTimeOffset(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    /// <summary>AWS says when an instance was stopped only in its state transition reason: "User initiated (2026-10-01 08:15:00 GMT)".</summary>
    internal static DateTimeOffset? StoppedAt(string? reason)
    {
        var match = reason is null ? null : StopTime().Match(reason);
        return match is { Success: true }
            && DateTime.TryParseExact(match.Groups["time"].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : null;
    }

    private static Protocol.AwsServiceException Gone(IdleResource resource, string operation, string code) =>
        new(resource.Kind.ToString(), operation, code, $"{resource.Id} does not exist any more.", 404, null);

    [GeneratedRegex(@"\((?<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) (GMT|UTC)\)", RegexOptions.CultureInvariant)]
    private static partial Regex StopTime();
}
