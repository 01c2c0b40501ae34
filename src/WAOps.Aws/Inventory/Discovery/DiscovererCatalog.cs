namespace WAOps.Aws.Inventory.Discovery;

/// <summary>Every kind the tag scan lists through its own service, so never-tagged resources are found.</summary>
public static class DiscovererCatalog
{
    public static IReadOnlyList<IResourceDiscoverer> All { get; } = new IResourceDiscoverer[]
    {
        new Ec2InstanceDiscoverer(),
        new Ec2VolumeDiscoverer(),
        new Ec2SnapshotDiscoverer(),
        new Ec2ElasticIpDiscoverer(),
        new Ec2NatGatewayDiscoverer(),
        new Ec2VpcDiscoverer(),
        new Ec2SubnetDiscoverer(),
        new Ec2SecurityGroupDiscoverer(),
        new S3BucketDiscoverer(),
        new RdsInstanceDiscoverer(),
        new RdsClusterDiscoverer(),
        new LambdaFunctionDiscoverer(),
        new DynamoDbTableDiscoverer(),
        new SqsQueueDiscoverer(),
        new SnsTopicDiscoverer(),
        new LoadBalancerDiscoverer(),
        new EcsClusterDiscoverer(),
        new EcsServiceDiscoverer(),
        new ElastiCacheClusterDiscoverer(),
        new EfsFileSystemDiscoverer(),
        new KmsKeyDiscoverer(),
    };

    /// <summary>
    /// The discoverers a -ResourceType filter selects: "ec2" selects every EC2 kind, "ec2:volume" one kind.
    /// No filter selects all.
    /// </summary>
    public static IReadOnlyList<IResourceDiscoverer> Matching(IReadOnlyCollection<string> resourceTypes) =>
        resourceTypes.Count == 0
            ? All
            : All.Where(d => resourceTypes.Any(filter => Matches(d.ResourceType, filter))).ToList();

    public static bool Matches(string resourceType, string filter) =>
        filter.Contains(':', StringComparison.Ordinal)
            ? string.Equals(resourceType, filter, StringComparison.Ordinal)
            : resourceType.StartsWith(filter + ":", StringComparison.Ordinal);
}
