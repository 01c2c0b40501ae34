namespace WAOps.Engine.Monitoring;

/// <summary>
/// The kinds New-WADashboard monitors: section titles, nouns, alarm name parts, the dimensions that identify a
/// resource's metrics and the CloudWatch namespaces its metrics (and so its alarms) are in.
/// </summary>
public static class MonitoredKinds
{
    public const string Global = "Global";

    private static readonly MetricDimension[] None = Array.Empty<MetricDimension>();

    private static readonly Dictionary<MonitoredKind, MonitoredKindInfo> Infos = new[]
    {
        Info(MonitoredKind.CloudFrontDistribution, "Amazon CloudFront", "CloudFront distribution", "CloudFront distributions", "cloudfront",
            new[] { "DistributionId" }, new[] { new MetricDimension("Region", Global) }),
        Info(MonitoredKind.ApiGatewayRestApi, "Amazon API Gateway (REST APIs)", "REST API", "REST APIs", "apigw", new[] { "ApiName" }),
        Info(MonitoredKind.ApiGatewayHttpApi, "Amazon API Gateway (HTTP APIs)", "HTTP API", "HTTP APIs", "apigw", new[] { "ApiId" }),
        Info(MonitoredKind.ApplicationLoadBalancer, "Application Load Balancers", "Application Load Balancer", "Application Load Balancers", "alb", new[] { "LoadBalancer" }),
        Info(MonitoredKind.NetworkLoadBalancer, "Network Load Balancers", "Network Load Balancer", "Network Load Balancers", "nlb", new[] { "LoadBalancer" }),
        Info(MonitoredKind.TargetGroup, "Target groups", "target group", "target groups", "tg", new[] { "TargetGroup", "LoadBalancer" }),
        Info(MonitoredKind.EcsCluster, "Amazon ECS clusters", "ECS cluster", "ECS clusters", "ecs", new[] { "ClusterName" }),
        Info(MonitoredKind.EcsService, "Amazon ECS services", "ECS service", "ECS services", "ecs", new[] { "ClusterName", "ServiceName" }),
        Info(MonitoredKind.EksCluster, "Amazon EKS (Container Insights)", "EKS cluster", "EKS clusters", "eks", new[] { "ClusterName" }),
        Info(MonitoredKind.AutoScalingGroup, "EC2 Auto Scaling groups", "Auto Scaling group", "Auto Scaling groups", "asg", new[] { "AutoScalingGroupName" }),
        Info(MonitoredKind.LambdaFunction, "AWS Lambda", "Lambda function", "Lambda functions", "lambda", new[] { "FunctionName" }),
        Info(MonitoredKind.ElastiCacheCluster, "Amazon ElastiCache (Redis OSS and Valkey)", "cache cluster", "cache clusters", "elasticache", new[] { "CacheClusterId" }),
        Info(MonitoredKind.AuroraCluster, "Amazon Aurora clusters", "Aurora cluster", "Aurora clusters", "aurora", new[] { "DBClusterIdentifier" }),
        Info(MonitoredKind.RdsInstance, "Amazon RDS instances", "DB instance", "DB instances", "rds", new[] { "DBInstanceIdentifier" }),
        Info(MonitoredKind.DynamoDbTable, "Amazon DynamoDB", "DynamoDB table", "DynamoDB tables", "dynamodb", new[] { "TableName" }),
        Info(MonitoredKind.S3Bucket, "Amazon S3", "S3 bucket", "S3 buckets", "s3", new[] { "BucketName" }),
        Info(MonitoredKind.SqsQueue, "Amazon SQS", "SQS queue", "SQS queues", "sqs", new[] { "QueueName" }),
        Info(MonitoredKind.SnsTopic, "Amazon SNS", "SNS topic", "SNS topics", "sns", new[] { "TopicName" }),
        Info(MonitoredKind.EventBridgeBus, "Amazon EventBridge event buses", "event bus", "event buses", "events", new[] { "EventBusName" }),
        Info(MonitoredKind.EventBridgeRule, "Amazon EventBridge rules", "EventBridge rule", "EventBridge rules", "events", new[] { "RuleName" }),
        Info(MonitoredKind.NatGateway, "NAT gateways", "NAT gateway", "NAT gateways", "natgw", new[] { "NatGatewayId" }),
    }.ToDictionary(i => i.Kind);

    public static MonitoredKindInfo Of(MonitoredKind kind) => Infos[kind];

    /// <summary>
    /// The CloudWatch namespaces a resource's metrics are in. Target groups follow their load balancer; ECS adds
    /// Container Insights only where the cluster has it on.
    /// </summary>
    public static IReadOnlyList<string> NamespacesOf(MonitoredResource resource) => resource.Kind switch
    {
        MonitoredKind.CloudFrontDistribution => new[] { "AWS/CloudFront" },
        MonitoredKind.ApiGatewayRestApi or MonitoredKind.ApiGatewayHttpApi => new[] { "AWS/ApiGateway" },
        MonitoredKind.ApplicationLoadBalancer => new[] { "AWS/ApplicationELB" },
        MonitoredKind.NetworkLoadBalancer => new[] { "AWS/NetworkELB" },
        MonitoredKind.TargetGroup => new[] { IsNetwork(resource) ? "AWS/NetworkELB" : "AWS/ApplicationELB" },
        MonitoredKind.EcsCluster or MonitoredKind.EcsService => HasContainerInsights(resource) ? new[] { "AWS/ECS", "ECS/ContainerInsights" } : new[] { "AWS/ECS" },
        MonitoredKind.EksCluster => new[] { "ContainerInsights" },
        MonitoredKind.AutoScalingGroup => new[] { "AWS/AutoScaling", "AWS/EC2" },
        MonitoredKind.LambdaFunction => new[] { "AWS/Lambda" },
        MonitoredKind.ElastiCacheCluster => new[] { "AWS/ElastiCache" },
        MonitoredKind.AuroraCluster or MonitoredKind.RdsInstance => new[] { "AWS/RDS" },
        MonitoredKind.DynamoDbTable => new[] { "AWS/DynamoDB" },
        MonitoredKind.S3Bucket => new[] { "AWS/S3" },
        MonitoredKind.SqsQueue => new[] { "AWS/SQS" },
        MonitoredKind.SnsTopic => new[] { "AWS/SNS" },
        MonitoredKind.EventBridgeBus or MonitoredKind.EventBridgeRule => new[] { "AWS/Events" },
        MonitoredKind.NatGateway => new[] { "AWS/NATGateway" },
        _ => Array.Empty<string>(),
    };

    /// <summary>ECS clusters with containerInsights enabled or enhanced publish ECS/ContainerInsights metrics.</summary>
    public static bool HasContainerInsights(MonitoredResource resource) =>
        resource.Attribute(MonitoredAttributes.ContainerInsights) is "enabled" or "enhanced";

    public static bool IsNetwork(MonitoredResource resource) =>
        string.Equals(resource.Attribute(MonitoredAttributes.LoadBalancerType), "network", StringComparison.OrdinalIgnoreCase);

    /// <summary>The dimensions every metric of this resource carries: its identity, then the kind's fixed ones.</summary>
    public static IReadOnlyList<MetricDimension> MetricDimensionsOf(MonitoredResource resource) =>
        resource.Dimensions.Concat(Of(resource.Kind).FixedDimensions).ToList();

    private static MonitoredKindInfo Info(MonitoredKind kind, string section, string noun, string plural, string namePart, string[] identity, MetricDimension[]? fixedDimensions = null) =>
        new(kind, section, noun, plural, namePart, identity, fixedDimensions ?? None);
}
