using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Templates;

/// <summary>Storage, databases, caches and messaging.</summary>
public sealed partial class TemplateInventoryMapper
{
    private VolumeProperties Volume(TemplateResource r)
    {
        var encrypted = r.Properties.Has("Encrypted") || r.Properties.Has("SnapshotId")
            ? r.Properties.Has("Encrypted") ? r.Properties.Bool("Encrypted", false) : Fact<bool>.Unresolved("restored from a snapshot: encrypted as the snapshot is", r.Location)
            : Fact<bool>.Unresolved("Encrypted is not set: the volume is encrypted only if EBS encryption by default is on in the account and region (set Encrypted: true)", r.Properties.LocationOf("Encrypted"));
        var attachments = Referring("AWS::EC2::VolumeAttachment", "VolumeId", r).Select(a => a.Properties.Text("InstanceId").ValueOr(null)).Where(i => i is not null).Select(i => i!).ToList();
        return new VolumeProperties
        {
            Encrypted = encrypted,
            KmsKeyId = r.Properties.Text("KmsKeyId"),
            AttachedInstanceIds = Fact<IReadOnlyList<string>>.Known(attachments, r.Location),
        };
    }

    private DbInstanceProperties DbInstance(TemplateResource r)
    {
        var clusterId = r.Properties.Text("DBClusterIdentifier");
        var cluster = Find(clusterId.ValueOr(null));
        var subnetGroup = r.Properties.Text("DBSubnetGroupName");
        if (subnetGroup.TryGet(out var groupName) && groupName is null && cluster is not null)
        {
            subnetGroup = cluster.Properties.Text("DBSubnetGroupName");
        }

        var encrypted = cluster is not null ? cluster.Properties.Bool("StorageEncrypted", false)
            : r.Properties.Has("DBSnapshotIdentifier") && !r.Properties.Has("StorageEncrypted") ? Fact<bool>.Unresolved("restored from a snapshot: encrypted as the snapshot is", r.Location)
            : r.Properties.Bool("StorageEncrypted", false);
        return new DbInstanceProperties
        {
            Engine = r.Properties.Text("Engine", cluster?.Properties.Text("Engine").ValueOr(null)).Select(e => e ?? "unknown"),
            ClusterId = clusterId,
            MultiAz = r.Properties.Bool("MultiAZ", false),
            PubliclyAccessible = r.Properties.Has("PubliclyAccessible") || r.Properties.Unresolved("PubliclyAccessible") is not null
                ? r.Properties.Bool("PubliclyAccessible", null)
                : Fact<bool>.Unresolved("PubliclyAccessible is not set: AWS makes the instance public when its subnet group's VPC has an internet gateway (set PubliclyAccessible: false)", r.Location),
            StorageEncrypted = encrypted,
            KmsKeyId = cluster?.Properties.Text("KmsKeyId") ?? r.Properties.Text("KmsKeyId"),
            SubnetIds = SubnetGroupSubnets(subnetGroup, "AWS::RDS::DBSubnetGroup", r.Location),
            AvailabilityZone = r.Properties.Has("AvailabilityZone") ? r.Properties.Text("AvailabilityZone") : Fact<string?>.Unresolved("AWS picks the zone at deployment", r.Location),
            SecondaryAvailabilityZone = Fact<string?>.Unresolved("AWS picks the standby's zone at deployment", r.Location),
        };
    }

    private DbClusterProperties DbCluster(TemplateResource r)
    {
        var members = _resources.Where(i => i.Type == "AWS::RDS::DBInstance" && i.Properties.Text("DBClusterIdentifier").ValueOr(null) == r.RefId).ToList();
        Fact<bool> multiAz;
        if (r.Properties.Has("DBClusterInstanceClass"))
        {
            // A Multi-AZ DB cluster (not Aurora): AWS places its writer and two readers in three zones.
            multiAz = Fact<bool>.Known(true, r.Properties.LocationOf("DBClusterInstanceClass"));
        }
        else if (members.Count <= 1)
        {
            multiAz = Fact<bool>.Known(false, r.Location);
        }
        else
        {
            var zones = members.Select(m => m.Properties.Text("AvailabilityZone").ValueOr(null)).ToList();
            multiAz = zones.All(z => z is not null)
                ? Fact<bool>.Known(zones.Distinct().Count() > 1, r.Location)
                : Fact<bool>.Unresolved($"{members.Count} instances whose zones AWS picks at deployment", r.Location);
        }

        return new DbClusterProperties
        {
            Engine = r.Properties.Text("Engine").Select(e => e ?? "unknown"),
            EngineMode = r.Properties.Text("EngineMode", "provisioned"),
            MultiAz = multiAz,
            MemberInstanceIds = Fact<IReadOnlyList<string>>.Known(members.Select(m => m.RefId).ToList(), r.Location),
            StorageEncrypted = r.Properties.Has("SnapshotIdentifier") && !r.Properties.Has("StorageEncrypted")
                ? Fact<bool>.Unresolved("restored from a snapshot: encrypted as the snapshot is", r.Location)
                : r.Properties.Bool("StorageEncrypted", false),
            KmsKeyId = r.Properties.Text("KmsKeyId"),
        };
    }

    private Fact<IReadOnlyList<string>> SubnetGroupSubnets(Fact<string?> groupName, string groupType, SourceLocation at)
    {
        if (!groupName.TryGet(out var name))
        {
            return groupName.Select<IReadOnlyList<string>>(_ => null!);
        }

        if (name is null)
        {
            return Fact<IReadOnlyList<string>>.Unresolved("no subnet group: the default VPC's default subnets, which are public", at);
        }

        var group = Find(name);
        return group is not null && group.Type == groupType
            ? group.Properties.Strings("SubnetIds")
            : Fact<IReadOnlyList<string>>.Unresolved($"subnet group {name} is not declared in the template", groupName.Location ?? at);
    }

    private CacheReplicationGroupProperties ReplicationGroup(TemplateResource r) => new()
    {
        MultiAz = r.Properties.Bool("MultiAZEnabled", false).Select<string?>(on => on ? "enabled" : "disabled"),
        AutomaticFailover = r.Properties.Bool("AutomaticFailoverEnabled", false).Select<string?>(on => on ? "enabled" : "disabled"),
        AtRestEncryptionEnabled = r.Properties.Bool("AtRestEncryptionEnabled", false),
        TransitEncryptionEnabled = r.Properties.Bool("TransitEncryptionEnabled", false),
        MemberClusterIds = Fact<IReadOnlyList<string>>.Known(Array.Empty<string>(), r.Location),
        SubnetIds = SubnetGroupSubnets(r.Properties.Text("CacheSubnetGroupName"), "AWS::ElastiCache::SubnetGroup", r.Location),
    };

    private FileSystemProperties FileSystem(TemplateResource r)
    {
        var zones = new List<string>();
        Fact<IReadOnlyList<string>>? unknown = null;
        foreach (var target in Referring("AWS::EFS::MountTarget", "FileSystemId", r))
        {
            var subnetRef = target.Properties.Text("SubnetId").ValueOr(null);
            var zone = Find(subnetRef) is { Type: "AWS::EC2::Subnet" } subnet
                ? subnet.Properties.Text("AvailabilityZone")
                : Fact<string?>.Unresolved($"subnet {subnetRef} of a mount target is not declared in the template", target.Location);
            if (!zone.TryGet(out var name) || name is null)
            {
                unknown ??= Fact<IReadOnlyList<string>>.Unresolved(zone.IsKnown ? "a mount target's subnet has no AvailabilityZone (AWS picks it)" : zone.Reason, target.Location);
                continue;
            }

            zones.Add(name);
        }

        return new FileSystemProperties
        {
            Encrypted = r.Properties.Bool("Encrypted", false),
            KmsKeyId = r.Properties.Text("KmsKeyId"),
            AvailabilityZoneName = r.Properties.Text("AvailabilityZoneName"),
            MountTargetAvailabilityZones = unknown ?? Fact<IReadOnlyList<string>>.Known(zones.Distinct().ToList(), r.Location),
        };
    }

    private BucketProperties Bucket(TemplateResource r)
    {
        var byDefault = r.Properties.Child("BucketEncryption")?.Items("ServerSideEncryptionConfiguration").FirstOrDefault()?.Child("ServerSideEncryptionByDefault");
        var policies = Referring("AWS::S3::BucketPolicy", "Bucket", r).ToList();
        Fact<PolicyDocument?> policy = policies.Count > 0
            ? TemplatePolicies.From(policies[0].Properties.Raw("PolicyDocument"), policies[0].Properties.LocationOf("PolicyDocument"))
            : UnknownReferrer("AWS::S3::BucketPolicy", "Bucket") is { } unknown
                ? Fact<PolicyDocument?>.Unresolved($"a bucket policy is attached to a bucket that is not known ({unknown})", r.Location)
                : Fact<PolicyDocument?>.Known(null, r.Location);
        return new BucketProperties
        {
            // Since January 2023 every bucket is encrypted (SSE-S3) when nothing else is configured.
            EncryptionAlgorithm = byDefault?.Text("SSEAlgorithm", "AES256") ?? Fact<string?>.Known("AES256", r.Location),
            KmsKeyId = byDefault?.Text("KMSMasterKeyID") ?? Fact<string?>.Known(null, r.Location),
            Policy = policy,
        };
    }

    private TableProperties Table(TemplateResource r)
    {
        var sse = r.Properties.Child("SSESpecification");
        var enabled = sse?.Bool("SSEEnabled", false) ?? Fact<bool>.Unresolved(r.Properties.Unresolved("SSESpecification") ?? "SSESpecification is not known", r.Location);
        if (!enabled.TryGet(out var on))
        {
            return new TableProperties { SseType = enabled.Select<string?>(_ => null), KmsKeyArn = enabled.Select<string?>(_ => null) };
        }

        // Without SSESpecification DynamoDB encrypts with an AWS owned key and DescribeTable reports no SSEDescription.
        return new TableProperties
        {
            SseType = Fact<string?>.Known(on ? "KMS" : null, sse!.LocationOf("SSEEnabled")),
            KmsKeyArn = on ? sse!.Text("KMSMasterKeyId") : Fact<string?>.Known(null, r.Location),
        };
    }

    private QueueProperties Queue(TemplateResource r)
    {
        var key = r.Properties.Text("KmsMasterKeyId");
        // New queues get SSE-SQS unless a KMS key is given or SqsManagedSseEnabled says false.
        var managed = r.Properties.Has("SqsManagedSseEnabled")
            ? r.Properties.Bool("SqsManagedSseEnabled", null)
            : key.Select(k => k is null);
        return new QueueProperties { KmsMasterKeyId = key, SqsManagedSseEnabled = managed };
    }

    private BudgetProperties Budget(TemplateResource r)
    {
        var budget = r.Properties.Child("Budget");
        var tags = budget?.Child("CostFilters")?.Strings("TagKeyValue") ?? Fact<IReadOnlyList<string>>.Unresolved("the budget is not known", r.Location);
        var project = tags.Select(values => values
            .Select(v => v.Split('$', 2))
            .Where(p => p.Length == 2 && string.Equals(p[0], "user:Project", StringComparison.Ordinal))
            .Select(p => p[1])
            .FirstOrDefault());
        var types = new List<string>();
        foreach (var notification in r.Properties.Items("NotificationsWithSubscribers"))
        {
            if (notification.Child("Notification")?.Text("NotificationType").ValueOr(null) is { } type)
            {
                types.Add(type);
            }
        }

        return new BudgetProperties
        {
            Project = project,
            BudgetType = (budget?.Text("BudgetType") ?? Fact<string?>.Unresolved("the budget is not known", r.Location)).Select(t => t ?? "COST"),
            NotificationTypes = Fact<IReadOnlyList<string>>.Known(types, r.Location),
        };
    }
}
