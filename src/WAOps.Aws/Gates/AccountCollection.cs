using System.Collections.Concurrent;
using WAOps.Aws.Services.CloudTrail.Model;
using WAOps.Aws.Services.ElastiCache.Model;
using WAOps.Aws.Services.ElasticLoadBalancingV2.Model;
using WAOps.Aws.Services.Iam.Model;
using WAOps.Aws.Services.Lambda.Model;
using WAOps.Aws.Services.Rds.Model;
using WAOps.Engine.Budgets;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using WAOps.Engine.Tags;
using Ec2 = Amazon.EC2.Model;

namespace WAOps.Aws.Gates;

/// <summary>
/// What the listings of one account brought back, as AWS gave it, before it becomes inventory: one slot per listing
/// (null when the listing did not run or failed), per-resource details as facts (a failed per-resource call is an
/// unreadable fact, not a failed listing), and the failures. Listings fill it in parallel; the assembler reads it once
/// they are done.
/// </summary>
internal sealed class AccountCollection
{
    public AccountCollection(string accountId, string partition, IReadOnlyList<string> regions)
    {
        AccountId = accountId;
        Partition = partition;
        Regions = regions.ToDictionary(r => r, r => new RegionCollection(r), StringComparer.Ordinal);
    }

    public string AccountId { get; }

    public string Partition { get; }

    /// <summary>
    /// Read the key settings that only a customer-managed-key requirement needs (S3 default encryption, DynamoDB SSE):
    /// S3 and DynamoDB always encrypt, so without the requirement those per-resource calls are skipped.
    /// </summary>
    public bool ReadKeySettings { get; init; }

    public IReadOnlyDictionary<string, RegionCollection> Regions { get; }

    public List<BucketDetail>? Buckets { get; set; }

    public List<GetAccountAuthorizationDetailsResponse>? Iam { get; set; }

    public List<BudgetDetail>? Budgets { get; set; }

    /// <summary>KMS keys referenced by resources, with who manages them (only when asked for).</summary>
    public ConcurrentDictionary<string, KeyDetail> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>Trail details by ARN: a multi-region trail shows in every region's listing but is read once.</summary>
    public ConcurrentDictionary<string, Lazy<Task<TrailDetail>>> TrailDetails { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<ListingFailure> Failures { get; } = new();

    /// <summary>Told once per failed listing (the cmdlet writes it as a non-terminating error).</summary>
    public Action<CollectionFailure>? OnFailure { get; init; }

    /// <summary>Records that <paramref name="listing"/> failed, leaving <paramref name="kinds"/> incomplete in that region (the runner reports it).</summary>
    public void Record(string region, string listing, Exception error, params ResourceKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            Failures.Add(new ListingFailure(kind.Name, AccountId, region, listing, (error as Engine.Errors.WAOpsException)?.ErrorId ?? "Unexpected", error.Message));
        }
    }

    /// <summary>Records that <paramref name="listing"/> failed, leaving <paramref name="kinds"/> incomplete in that region, and reports it once.</summary>
    public void Fail(string region, string listing, Exception error, params ResourceKind[] kinds)
    {
        Record(region, listing, error, kinds);
        OnFailure?.Invoke(CollectionFailure.From(AccountId, region, listing, error));
    }
}

/// <summary>What the listings of one region brought back.</summary>
internal sealed class RegionCollection
{
    public RegionCollection(string region) => Region = region;

    public string Region { get; }

    public List<Ec2.Vpc>? Vpcs { get; set; }

    public List<Ec2.Subnet>? Subnets { get; set; }

    public List<Ec2.RouteTable>? RouteTables { get; set; }

    /// <summary>Why the route tables could not be listed (subnet associations are then unknown).</summary>
    public string? RouteTablesFailure { get; set; }

    public List<Ec2.VpcEndpoint>? VpcEndpoints { get; set; }

    public List<Ec2.Instance>? Instances { get; set; }

    public List<Ec2.Volume>? Volumes { get; set; }

    public Fact<bool> EbsEncryptionByDefault { get; set; }

    public List<DBInstance>? DbInstances { get; set; }

    public List<DBCluster>? DbClusters { get; set; }

    public List<ReplicationGroup>? ReplicationGroups { get; set; }

    /// <summary>Subnets per replication group, from its cache clusters' cache subnet group (unknown when those listings failed).</summary>
    public Dictionary<string, Fact<IReadOnlyList<string>>>? ReplicationGroupSubnets { get; set; }

    public List<(Services.Efs.Model.FileSystemDescription FileSystem, Fact<IReadOnlyList<string>> MountTargetZones)>? FileSystems { get; set; }

    public List<LoadBalancer>? LoadBalancers { get; set; }

    public List<Listener>? Listeners { get; set; }

    public List<TargetGroup>? TargetGroups { get; set; }

    public List<TableDetail>? Tables { get; set; }

    public List<QueueDetail>? Queues { get; set; }

    public List<TopicDetail>? Topics { get; set; }

    public List<FunctionConfiguration>? Functions { get; set; }

    public List<TrailDetail>? Trails { get; set; }

    public List<DetectorDetail>? Detectors { get; set; }

    /// <summary>Tags by ARN from the Tagging API (for the kinds whose own listing carries none).</summary>
    public Dictionary<string, TagSet>? Tags { get; set; }

    public string? TagsFailure { get; set; }
}

internal sealed record BucketDetail(string Name, string Region, Fact<string?> Algorithm, Fact<string?> KmsKeyId, Fact<PolicyDocument?> Policy);

internal sealed record TableDetail(string Name, string Arn, Fact<string?> SseType, Fact<string?> KmsKeyArn);

internal sealed record QueueDetail(string Url, string Arn, Fact<bool> SqsManagedSse, Fact<string?> KmsMasterKeyId);

internal sealed record TopicDetail(string Arn, Fact<string?> KmsMasterKeyId);

internal sealed record TrailDetail(Trail Trail, Fact<bool> IsLogging, Fact<ManagementEventCoverage> ManagementEvents);

internal sealed record DetectorDetail(string Id, Fact<string> Status, TagSet Tags);

internal sealed record BudgetDetail(BudgetState Budget, Fact<IReadOnlyList<string>> NotificationTypes);

internal sealed record KeyDetail(string Reference, string Region, string? Arn, string? KeyId, Fact<string> KeyManager);
