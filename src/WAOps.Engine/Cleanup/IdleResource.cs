using WAOps.Engine.Tags;

namespace WAOps.Engine.Cleanup;

/// <summary>
/// One resource as the idle criteria see it: what and where it is, its tags, when it was created, and the
/// properties its criteria need (typed per kind). The AWS layer fills it; the engine never calls AWS.
/// </summary>
public abstract class IdleResource
{
    protected IdleResource(IdleResourceKind kind, string id, string arn, string region, TagSet tags, DateTimeOffset? createdAt)
    {
        Kind = kind;
        Id = id;
        Arn = arn;
        Region = region;
        Tags = tags;
        CreatedAt = createdAt;
    }

    public IdleResourceKind Kind { get; }

    /// <summary>The resource's own id (i-..., vol-..., snap-..., eipalloc-..., nat-..., the load balancer or DB instance name).</summary>
    public string Id { get; }

    public string Arn { get; }

    public string Region { get; }

    public TagSet Tags { get; }

    /// <summary>When it was created; null where AWS does not say (Elastic IPs).</summary>
    public DateTimeOffset? CreatedAt { get; }

    public string? Name => Tags.TryGetValue("Name", out var name) ? name : null;

    /// <summary>A short description of its state for evidence and prompts ("t3.micro, running").</summary>
    public abstract string Describe();

    public override string ToString() => $"{Kind} {Id}";
}

/// <summary>An EBS volume attached to an instance, as the instance's block device mapping and DescribeVolumes report it.</summary>
public sealed record AttachedVolume(string VolumeId, bool DeleteOnTermination, int? SizeGiB, string? VolumeType);

public sealed class Ec2InstanceResource : IdleResource
{
    public Ec2InstanceResource(string id, string arn, string region, TagSet tags, DateTimeOffset? createdAt, string instanceType, string state,
        DateTimeOffset? stoppedAt, IReadOnlyList<AttachedVolume> volumes)
        : base(IdleResourceKind.Ec2Instance, id, arn, region, tags, createdAt)
    {
        InstanceType = instanceType;
        State = state;
        StoppedAt = stoppedAt;
        Volumes = volumes;
    }

    public string InstanceType { get; }

    /// <summary>pending, running, stopping, stopped, shutting-down, terminated.</summary>
    public string State { get; }

    /// <summary>When it was stopped, read from AWS's state transition reason; null when not stopped or not readable.</summary>
    public DateTimeOffset? StoppedAt { get; }

    public IReadOnlyList<AttachedVolume> Volumes { get; }

    public bool IsRunning => State == "running";

    public bool IsStopped => State == "stopped";

    /// <summary>
    /// What manages it, from the tag the managing service puts on its instances ("Auto Scaling group web-asg", "EMR
    /// cluster j-..."); null when nothing does. The manager, not WAOps, decides such instances: it would replace a
    /// stopped or terminated one.
    /// </summary>
    public string? ManagedBy
    {
        get
        {
            foreach (var (key, manager) in Managers)
            {
                if (Tags.TryGetValue(key, out var value))
                {
                    return $"{manager} {value}";
                }
            }

            return null;
        }
    }

    // Tags AWS services and Kubernetes' node autoscaler put on the instances they launch and replace.
    private static readonly (string Key, string Manager)[] Managers =
    {
        ("aws:autoscaling:groupName", "Auto Scaling group"),
        ("aws:ec2:fleet-id", "EC2 Fleet"),
        ("aws:ec2spot:fleet-request-id", "Spot Fleet"),
        ("aws:elasticmapreduce:job-flow-id", "EMR cluster"),
        ("elasticbeanstalk:environment-id", "Elastic Beanstalk environment"),
        ("eks:nodegroup-name", "EKS node group"),
        ("karpenter.sh/nodepool", "Karpenter node pool"),
        ("karpenter.sh/provisioner-name", "Karpenter provisioner"),
        ("opsworks:stack", "OpsWorks stack"),
    };

    public override string Describe() => $"{InstanceType}, {State}";
}

public sealed class EbsVolumeResource : IdleResource
{
    public EbsVolumeResource(string id, string arn, string region, TagSet tags, DateTimeOffset? createdAt, int sizeGiB, string volumeType, string state, IReadOnlyList<string> attachedTo)
        : base(IdleResourceKind.EbsVolume, id, arn, region, tags, createdAt)
    {
        SizeGiB = sizeGiB;
        VolumeType = volumeType;
        State = state;
        AttachedTo = attachedTo;
    }

    public int SizeGiB { get; }

    public string VolumeType { get; }

    /// <summary>creating, available, in-use, deleting, deleted, error.</summary>
    public string State { get; }

    /// <summary>The instances it is attached to.</summary>
    public IReadOnlyList<string> AttachedTo { get; }

    public override string Describe() => $"{SizeGiB} GiB {VolumeType}, {State}";
}

public sealed class EbsSnapshotResource : IdleResource
{
    public EbsSnapshotResource(string id, string arn, string region, TagSet tags, DateTimeOffset? startTime, string? volumeId, int volumeSizeGiB, string state,
        IReadOnlyList<string> usedByImages)
        : base(IdleResourceKind.EbsSnapshot, id, arn, region, tags, startTime)
    {
        VolumeId = volumeId;
        VolumeSizeGiB = volumeSizeGiB;
        State = state;
        UsedByImages = usedByImages;
    }

    public string? VolumeId { get; }

    public int VolumeSizeGiB { get; }

    /// <summary>pending, completed, error, recoverable, recovering.</summary>
    public string State { get; }

    /// <summary>The AMIs (of this account) whose block device mappings use it.</summary>
    public IReadOnlyList<string> UsedByImages { get; }

    /// <summary>A snapshot WAOps took before deleting or stopping something (tag waops:backup-of).</summary>
    public bool IsWaopsBackup => CleanupTags.Find(Tags, CleanupTags.BackupOfKey) is not null;

    public override string Describe() => $"{VolumeSizeGiB} GiB from {VolumeId ?? "an unknown volume"}, {State}";
}

public sealed class ElasticIpResource : IdleResource
{
    public ElasticIpResource(string id, string arn, string region, TagSet tags, string publicIp, string? associationId, string? instanceId, string? networkInterfaceId,
        string? instanceState, string? serviceManaged = null)
        : base(IdleResourceKind.ElasticIp, id, arn, region, tags, createdAt: null)
    {
        ServiceManaged = serviceManaged;
        PublicIp = publicIp;
        AssociationId = associationId;
        InstanceId = instanceId;
        NetworkInterfaceId = networkInterfaceId;
        InstanceState = instanceState;
    }

    public string PublicIp { get; }

    public string? AssociationId { get; }

    /// <summary>The instance it is associated with, if any.</summary>
    public string? InstanceId { get; }

    /// <summary>The network interface it is associated with (an instance's, a NAT gateway's, a load balancer's, ...).</summary>
    public string? NetworkInterfaceId { get; }

    /// <summary>The state of <see cref="InstanceId"/>; null when there is no instance or its state is unknown.</summary>
    public string? InstanceState { get; }

    /// <summary>The AWS service that manages the address (alb, nlb, rnat, rds), which allocates and releases it itself; null for the account's own addresses.</summary>
    public string? ServiceManaged { get; }

    public override string Describe() => AssociationId is null
        ? $"{PublicIp}, not associated"
        : $"{PublicIp}, associated with {InstanceId ?? NetworkInterfaceId ?? "something"}{(InstanceState is null ? string.Empty : $" ({InstanceState})")}";
}

public sealed class NatGatewayResource : IdleResource
{
    public NatGatewayResource(string id, string arn, string region, TagSet tags, DateTimeOffset? createdAt, string state, string connectivityType, IReadOnlyList<string> allocationIds)
        : base(IdleResourceKind.NatGateway, id, arn, region, tags, createdAt)
    {
        State = state;
        ConnectivityType = connectivityType;
        AllocationIds = allocationIds;
    }

    /// <summary>pending, failed, available, deleting, deleted.</summary>
    public string State { get; }

    /// <summary>public or private.</summary>
    public string ConnectivityType { get; }

    /// <summary>The Elastic IPs it uses (they stay allocated when it is deleted).</summary>
    public IReadOnlyList<string> AllocationIds { get; }

    public override string Describe() => $"{ConnectivityType}, {State}";
}

public sealed class LoadBalancerResource : IdleResource
{
    public LoadBalancerResource(string id, string arn, string region, TagSet tags, DateTimeOffset? createdAt, string type, string state, TargetHealthSummary? targets)
        : base(IdleResourceKind.LoadBalancer, id, arn, region, tags, createdAt)
    {
        Type = type;
        State = state;
        Targets = targets;
    }

    /// <summary>application, network or gateway.</summary>
    public string Type { get; }

    /// <summary>active, provisioning, active_impaired, failed.</summary>
    public string State { get; }

    /// <summary>Its targets' health, as evidence only (traffic decides); null when not read (load balancers outside the run's environments).</summary>
    public TargetHealthSummary? Targets { get; }

    public int? TargetGroups => Targets?.TargetGroups;

    public int? RegisteredTargets => Targets?.Registered;

    public int? HealthyTargets => Targets?.Healthy;

    /// <summary>The CloudWatch dimension value: the part of the ARN after "loadbalancer/" (app/name/id, net/name/id, gwy/name/id).</summary>
    public string MetricDimension
    {
        get
        {
            var cut = Arn.IndexOf(":loadbalancer/", StringComparison.Ordinal);
            return cut >= 0 ? Arn[(cut + ":loadbalancer/".Length)..] : Id;
        }
    }

    public override string Describe() => Targets is null ? $"{Type}, {State}" : $"{Type}, {State}, {Targets}";
}

public sealed class DbInstanceResource : IdleResource
{
    public DbInstanceResource(string id, string arn, string region, TagSet tags, DateTimeOffset? createdAt, string instanceClass, string engine, string status,
        bool multiAz, int allocatedStorageGiB, string? storageType, bool deletionProtection, string? clusterIdentifier, bool isReadReplica, bool hasReadReplicas)
        : base(IdleResourceKind.DbInstance, id, arn, region, tags, createdAt)
    {
        InstanceClass = instanceClass;
        Engine = engine;
        Status = status;
        MultiAz = multiAz;
        AllocatedStorageGiB = allocatedStorageGiB;
        StorageType = storageType;
        DeletionProtection = deletionProtection;
        ClusterIdentifier = clusterIdentifier;
        IsReadReplica = isReadReplica;
        HasReadReplicas = hasReadReplicas;
    }

    public string InstanceClass { get; }

    public string Engine { get; }

    /// <summary>available, stopped, stopping, starting, backing-up, ...</summary>
    public string Status { get; }

    public bool MultiAz { get; }

    public int AllocatedStorageGiB { get; }

    public string? StorageType { get; }

    /// <summary>Deletion protection: WAOps never deletes such an instance and never turns the protection off.</summary>
    public bool DeletionProtection { get; }

    /// <summary>The Aurora or Multi-AZ cluster it belongs to; such members are left to their cluster.</summary>
    public string? ClusterIdentifier { get; }

    public bool IsReadReplica { get; }

    public bool HasReadReplicas { get; }

    public override string Describe() => $"{InstanceClass} {Engine}, {Status}{(MultiAz ? ", Multi-AZ" : string.Empty)}{(DeletionProtection ? ", deletion protection on" : string.Empty)}";
}
