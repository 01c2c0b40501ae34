namespace WAOps.Aws.Monitoring;

/// <summary>
/// The Tagging API resource type filters of the kinds New-WADashboard monitors. CloudFront is filtered by service
/// ("cloudfront"): AWS calls the type cloudfront:distribution, moto cloudfront:distributions, and both answer to
/// the service. ElastiCache too: AWS's types are elasticache:cluster and elasticache:replicationgroup, moto 5.2.1's
/// elasticache:cache_clusters and elasticache:replication-group; the service filter also brings snapshots and
/// subnet groups, which the resolver leaves out. Auto Scaling groups are found with DescribeAutoScalingGroups'
/// tag filters instead.
/// </summary>
public static class MonitoredResourceTypes
{
    public static IReadOnlyList<string> TaggingApiFilters { get; } = new[]
    {
        "cloudfront",
        "apigateway",
        "elasticloadbalancing:loadbalancer",
        "elasticloadbalancing:targetgroup",
        "ecs:cluster",
        "ecs:service",
        "eks:cluster",
        "lambda:function",
        "elasticache",
        "rds:db",
        "rds:cluster",
        "dynamodb:table",
        "s3",
        "sqs",
        "sns",
        "events:rule",
        "events:event-bus",
        "ec2:natgateway",
    };

    /// <summary>CloudFront's tags (and its metrics) live in us-east-1, whatever region the rest of the workload is in.</summary>
    public const string GlobalRegion = WAOps.Engine.Monitoring.ArnClassifier.GlobalRegion;
}
