using WAOps.Engine.Monitoring;

namespace WAOps.Engine.Tests.Dashboards;

/// <summary>Resources of the reference architecture as discovery would describe them.</summary>
internal static class SampleResources
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-1";

    public static MonitoredResource Lambda(string name, string region = Region) =>
        new(MonitoredKind.LambdaFunction, $"arn:aws:lambda:{region}:{Account}:function:{name}", region, name, new[] { new MetricDimension("FunctionName", name) });

    public static MonitoredResource Queue(string name) =>
        new(MonitoredKind.SqsQueue, $"arn:aws:sqs:{Region}:{Account}:{name}", Region, name, new[] { new MetricDimension("QueueName", name) });

    public static MonitoredResource Topic(string name) =>
        new(MonitoredKind.SnsTopic, $"arn:aws:sns:{Region}:{Account}:{name}", Region, name, new[] { new MetricDimension("TopicName", name) });

    public static MonitoredResource Table(string name) =>
        new(MonitoredKind.DynamoDbTable, $"arn:aws:dynamodb:{Region}:{Account}:table/{name}", Region, name, new[] { new MetricDimension("TableName", name) });

    public static MonitoredResource Distribution(string id) =>
        new(MonitoredKind.CloudFrontDistribution, $"arn:aws:cloudfront::{Account}:distribution/{id}", "us-east-1", id, new[] { new MetricDimension("DistributionId", id) });

    public static MonitoredResource Alb(string name, params string[] targetGroups) => new(
        MonitoredKind.ApplicationLoadBalancer,
        $"arn:aws:elasticloadbalancing:{Region}:{Account}:loadbalancer/app/{name}/50dc6c495c0c9188",
        Region,
        name,
        new[] { new MetricDimension("LoadBalancer", $"app/{name}/50dc6c495c0c9188") },
        new Dictionary<string, IReadOnlyList<string>> { ["TargetGroup"] = targetGroups.Select(t => $"targetgroup/{t}/73e2d6bc24d8a067").ToList() });

    public static MonitoredResource EcsCluster(string name, string containerInsights = "disabled") => new(
        MonitoredKind.EcsCluster, $"arn:aws:ecs:{Region}:{Account}:cluster/{name}", Region, name, new[] { new MetricDimension("ClusterName", name) },
        attributes: new Dictionary<string, string> { [MonitoredAttributes.ContainerInsights] = containerInsights });

    public static MonitoredResource EcsService(string cluster, string service, string containerInsights = "disabled", bool serviceConnect = false) => new(
        MonitoredKind.EcsService, $"arn:aws:ecs:{Region}:{Account}:service/{cluster}/{service}", Region, $"{cluster}/{service}",
        new[] { new MetricDimension("ClusterName", cluster), new MetricDimension("ServiceName", service) },
        attributes: new Dictionary<string, string>
        {
            [MonitoredAttributes.ContainerInsights] = containerInsights,
            [MonitoredAttributes.ServiceConnect] = serviceConnect ? "true" : "false",
        });

    public static MonitoredResource Cache(string id, string? replicationGroup = null, params string[] nodes) => new(
        MonitoredKind.ElastiCacheCluster, $"arn:aws:elasticache:{Region}:{Account}:cluster:{id}", Region, id, new[] { new MetricDimension("CacheClusterId", id) },
        new Dictionary<string, IReadOnlyList<string>> { ["CacheNodeId"] = nodes.Length > 0 ? nodes : new[] { "0001" } },
        replicationGroup is null
            ? new Dictionary<string, string> { [MonitoredAttributes.Engine] = "redis" }
            : new Dictionary<string, string> { [MonitoredAttributes.Engine] = "redis", [MonitoredAttributes.ReplicationGroup] = replicationGroup });

    public static MonitoredResource Database(string id, string engine, bool readReplica = false, bool performanceInsights = false) => new(
        MonitoredKind.RdsInstance, $"arn:aws:rds:{Region}:{Account}:db:{id}", Region, id, new[] { new MetricDimension("DBInstanceIdentifier", id) },
        attributes: new Dictionary<string, string>
        {
            [MonitoredAttributes.Engine] = engine,
            [MonitoredAttributes.ReadReplica] = readReplica ? "true" : "false",
            [MonitoredAttributes.PerformanceInsights] = performanceInsights ? "true" : "false",
        });

    public static MonitoredResource Aurora(string id, string engine = "aurora-postgresql", bool binlogReplica = false) => new(
        MonitoredKind.AuroraCluster, $"arn:aws:rds:{Region}:{Account}:cluster:{id}", Region, id, new[] { new MetricDimension("DBClusterIdentifier", id) },
        attributes: new Dictionary<string, string> { [MonitoredAttributes.Engine] = engine, [MonitoredAttributes.BinlogReplica] = binlogReplica ? "true" : "false" });

    public static MonitoredResource Bucket(string name, params string[] filters) => new(
        MonitoredKind.S3Bucket, $"arn:aws:s3:::{name}", Region, name, new[] { new MetricDimension("BucketName", name) },
        new Dictionary<string, IReadOnlyList<string>> { ["FilterId"] = filters });

    public static MonitoredResource Eks(string name) =>
        new(MonitoredKind.EksCluster, $"arn:aws:eks:{Region}:{Account}:cluster/{name}", Region, name, new[] { new MetricDimension("ClusterName", name) });

    public static MonitoredResource Rule(string name, string? bus = null) => new(
        MonitoredKind.EventBridgeRule,
        bus is null ? $"arn:aws:events:{Region}:{Account}:rule/{name}" : $"arn:aws:events:{Region}:{Account}:rule/{bus}/{name}",
        Region,
        bus is null ? name : $"{bus}/{name}",
        bus is null ? new[] { new MetricDimension("RuleName", name) } : new[] { new MetricDimension("EventBusName", bus), new MetricDimension("RuleName", name) });

    /// <summary>One resource of every kind.</summary>
    public static IReadOnlyList<MonitoredResource> Workload() => new[]
    {
        Distribution("E2QWRUHEXAMPLE"),
        new MonitoredResource(MonitoredKind.ApiGatewayRestApi, $"arn:aws:apigateway:{Region}::/restapis/a1b2c3", Region, "shop-api", new[] { new MetricDimension("ApiName", "shop-api") }),
        new MonitoredResource(MonitoredKind.ApiGatewayHttpApi, $"arn:aws:apigateway:{Region}::/apis/h1t2p3", Region, "h1t2p3", new[] { new MetricDimension("ApiId", "h1t2p3") }),
        Alb("web", "web-blue", "web-green"),
        new MonitoredResource(MonitoredKind.NetworkLoadBalancer, $"arn:aws:elasticloadbalancing:{Region}:{Account}:loadbalancer/net/tcp/a1", Region, "tcp",
            new[] { new MetricDimension("LoadBalancer", "net/tcp/a1") }, new Dictionary<string, IReadOnlyList<string>> { ["TargetGroup"] = new[] { "targetgroup/tcp-tg/b2" } }),
        EcsCluster("main", "enabled"),
        EcsService("main", "checkout", "enabled", serviceConnect: true),
        Eks("platform"),
        new MonitoredResource(MonitoredKind.AutoScalingGroup, $"arn:aws:autoscaling:{Region}:{Account}:autoScalingGroup:uuid:autoScalingGroupName/workers", Region, "workers",
            new[] { new MetricDimension("AutoScalingGroupName", "workers") }),
        Lambda("orders-api"),
        Cache("sessions-001", "sessions"),
        Aurora("orders-db"),
        Database("orders-db-instance-1", "aurora-postgresql"),
        Table("orders"),
        Bucket("shop-assets", "EntireBucket"),
        Queue("orders-queue"),
        Topic("orders-events"),
        new MonitoredResource(MonitoredKind.EventBridgeBus, $"arn:aws:events:{Region}:{Account}:event-bus/shop", Region, "shop", new[] { new MetricDimension("EventBusName", "shop") }),
        Rule("order-placed", "shop"),
        new MonitoredResource(MonitoredKind.NatGateway, $"arn:aws:ec2:{Region}:{Account}:natgateway/nat-0abc", Region, "nat-0abc", new[] { new MetricDimension("NatGatewayId", "nat-0abc") }),
    };
}
