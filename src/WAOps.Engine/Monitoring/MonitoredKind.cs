namespace WAOps.Engine.Monitoring;

/// <summary>
/// The kinds of resources New-WADashboard monitors. The order is the order of the dashboard's sections: the path
/// of a request through the reference architecture (edge, APIs and load balancers, compute, caches and
/// databases, storage, messaging, network).
/// </summary>
public enum MonitoredKind
{
    CloudFrontDistribution,
    ApiGatewayRestApi,
    ApiGatewayHttpApi,
    ApplicationLoadBalancer,
    NetworkLoadBalancer,
    TargetGroup,
    EcsCluster,
    EcsService,
    EksCluster,
    AutoScalingGroup,
    LambdaFunction,
    ElastiCacheCluster,
    AuroraCluster,
    RdsInstance,
    DynamoDbTable,
    S3Bucket,
    SqsQueue,
    SnsTopic,
    EventBridgeBus,
    EventBridgeRule,
    NatGateway,
}
