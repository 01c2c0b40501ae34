namespace WAOps.Engine.Monitoring;

/// <summary>What an ARN says about a resource to monitor before anything is read.</summary>
public enum ArnClass
{
    /// <summary>Fully described by its ARN (a Lambda function, an SQS queue, ...): <see cref="ArnClassification.Resource"/> is set.</summary>
    Described = 1,

    /// <summary>An application or network load balancer: its type and target groups are read.</summary>
    LoadBalancer,
    TargetGroup,

    /// <summary>An ECS cluster (Key: the cluster name): Container Insights is read.</summary>
    EcsCluster,

    /// <summary>An ECS service (Key: cluster, Key2: service).</summary>
    EcsService,

    /// <summary>An ElastiCache cluster (Key: its id): engine and nodes are read.</summary>
    CacheCluster,
    ReplicationGroup,

    /// <summary>An RDS DB instance or cluster (Key: its identifier).</summary>
    DbInstance,
    DbCluster,

    /// <summary>An S3 bucket (Key: its name): region and request-metrics filters are read.</summary>
    Bucket,

    /// <summary>An API Gateway REST API (Key: its id, Key2: the stage or null): its name is read.</summary>
    RestApi,

    /// <summary>Not monitored; <see cref="ArnClassification.Reason"/> says why.</summary>
    Ignored,
}

/// <summary>One ARN's classification: the class, the region its metrics are in, and the keys (or the resource, or why it is left out).</summary>
public sealed record ArnClassification(ArnClass Class, string Arn, string Region, string? Key = null, string? Key2 = null, MonitoredResource? Resource = null, string? Reason = null);

/// <summary>
/// Turns a resource's ARN into what New-WADashboard knows from it alone: the kind, the region of its metrics, and for
/// most kinds the dimensions of its metrics (Lambda FunctionName, SQS QueueName, DynamoDB TableName, ...); kinds that
/// need a read first (load balancers, ECS, ElastiCache, RDS, S3, REST APIs) come back with the keys to read them by.
/// </summary>
public static class ArnClassifier
{
    /// <summary>Where the metrics of global services (CloudFront) are.</summary>
    public const string GlobalRegion = "us-east-1";

    public static ArnClassification Classify(ResourceReference reference)
    {
        var text = reference.Arn;
        if (!Inventory.Arn.TryParse(text, out var arn))
        {
            return Ignored(reference, reference.Region, "it is not an ARN.");
        }

        var region = string.IsNullOrEmpty(arn.Region) ? reference.Region : arn.Region;
        var resource = arn.Resource;
        ArnClassification Needs(ArnClass kind, string? key = null, string? key2 = null) => new(kind, text, region, key, key2);
        ArnClassification Described(MonitoredResource described) => new(ArnClass.Described, text, described.Region, Resource: described);
        MonitoredResource Simple(MonitoredKind kind, string name, string dimension) => new(kind, text, region, name, new[] { new MetricDimension(dimension, name) });

        switch (arn.Service)
        {
            case "cloudfront" when resource.StartsWith("distribution/", StringComparison.Ordinal):
                return Described(new MonitoredResource(MonitoredKind.CloudFrontDistribution, text, GlobalRegion, arn.ResourceId,
                    new[] { new MetricDimension("DistributionId", arn.ResourceId) }));
            case "apigateway":
                return Api(reference, region, resource);
            case "elasticloadbalancing" when resource.StartsWith("loadbalancer/app/", StringComparison.Ordinal) || resource.StartsWith("loadbalancer/net/", StringComparison.Ordinal):
                return Needs(ArnClass.LoadBalancer);
            case "elasticloadbalancing" when resource.StartsWith("targetgroup/", StringComparison.Ordinal):
                return Needs(ArnClass.TargetGroup);
            case "ecs" when resource.StartsWith("cluster/", StringComparison.Ordinal):
                return Needs(ArnClass.EcsCluster, resource["cluster/".Length..]);
            case "ecs" when resource.StartsWith("service/", StringComparison.Ordinal):
                var parts = resource.Split('/');
                return parts.Length == 3
                    ? Needs(ArnClass.EcsService, parts[1], parts[2])
                    : Ignored(reference, region, "its ARN is in the old format without the cluster name; opt in to the long ARN format (or give the new ARN) so its metrics can be found.");
            case "eks" when resource.StartsWith("cluster/", StringComparison.Ordinal):
                return Described(Simple(MonitoredKind.EksCluster, arn.ResourceId, "ClusterName"));
            case "autoscaling" when resource.Contains("autoScalingGroupName/", StringComparison.Ordinal):
                var group = resource[(resource.IndexOf("autoScalingGroupName/", StringComparison.Ordinal) + "autoScalingGroupName/".Length)..];
                return Described(Simple(MonitoredKind.AutoScalingGroup, group, "AutoScalingGroupName"));
            case "lambda" when resource.StartsWith("function:", StringComparison.Ordinal):
                return Described(Simple(MonitoredKind.LambdaFunction, resource.Split(':')[1], "FunctionName"));
            case "elasticache" when resource.StartsWith("cluster:", StringComparison.Ordinal):
                return Needs(ArnClass.CacheCluster, arn.ResourceId);
            case "elasticache" when resource.StartsWith("replicationgroup:", StringComparison.Ordinal):
                return Needs(ArnClass.ReplicationGroup, arn.ResourceId);
            case "rds" when resource.StartsWith("db:", StringComparison.Ordinal):
                return Needs(ArnClass.DbInstance, arn.ResourceId);
            case "rds" when resource.StartsWith("cluster:", StringComparison.Ordinal):
                return Needs(ArnClass.DbCluster, arn.ResourceId);
            case "dynamodb" when resource.StartsWith("table/", StringComparison.Ordinal) && resource.IndexOf('/', "table/".Length) < 0:
                return Described(Simple(MonitoredKind.DynamoDbTable, arn.ResourceId, "TableName"));
            case "s3" when !resource.Contains('/', StringComparison.Ordinal):
                return Needs(ArnClass.Bucket, resource);
            case "sqs":
                return Described(Simple(MonitoredKind.SqsQueue, arn.ResourceId, "QueueName"));
            case "sns" when !resource.Contains(':', StringComparison.Ordinal):
                return Described(Simple(MonitoredKind.SnsTopic, arn.ResourceId, "TopicName"));
            case "events" when resource.StartsWith("rule/", StringComparison.Ordinal):
                var rule = resource["rule/".Length..].Split('/');
                return Described(rule.Length == 2 && rule[0] != "default"
                    ? new MonitoredResource(MonitoredKind.EventBridgeRule, text, region, $"{rule[0]}/{rule[1]}",
                        new[] { new MetricDimension("EventBusName", rule[0]), new MetricDimension("RuleName", rule[1]) },
                        attributes: new Dictionary<string, string> { [MonitoredAttributes.EventBus] = rule[0] })
                    : Simple(MonitoredKind.EventBridgeRule, rule[^1], "RuleName"));
            case "events" when resource.StartsWith("event-bus/", StringComparison.Ordinal):
                return Described(Simple(MonitoredKind.EventBridgeBus, arn.ResourceId, "EventBusName"));
            case "ec2" when resource.StartsWith("natgateway/", StringComparison.Ordinal):
                return Described(Simple(MonitoredKind.NatGateway, arn.ResourceId, "NatGatewayId"));
            default:
                return Ignored(reference, region, $"New-WADashboard has no widgets or alarms for {arn.ResourceType} resources.");
        }
    }

    private static ArnClassification Api(ResourceReference reference, string region, string resource)
    {
        // /restapis/{id}[/stages/{stage}] and /apis/{id}[/stages/{stage}]
        var parts = resource.Trim('/').Split('/');
        var stage = parts.Length == 4 && parts[2] == "stages" ? parts[3] : null;
        if (parts.Length is not (2 or 4) || (parts.Length == 4 && stage is null) || parts[0] is not ("restapis" or "apis"))
        {
            return Ignored(reference, region, "New-WADashboard monitors API Gateway APIs and stages, not their other parts.");
        }

        if (parts[0] == "restapis")
        {
            return new ArnClassification(ArnClass.RestApi, reference.Arn, region, parts[1], stage);
        }

        var dimensions = new List<MetricDimension> { new("ApiId", parts[1]) };
        if (stage is not null)
        {
            dimensions.Add(new MetricDimension("Stage", stage));
        }

        return new ArnClassification(ArnClass.Described, reference.Arn, region,
            Resource: new MonitoredResource(MonitoredKind.ApiGatewayHttpApi, reference.Arn, region, stage is null ? parts[1] : $"{parts[1]}/{stage}", dimensions));
    }

    private static ArnClassification Ignored(ResourceReference reference, string region, string reason) => new(ArnClass.Ignored, reference.Arn, region, Reason: reason);
}
