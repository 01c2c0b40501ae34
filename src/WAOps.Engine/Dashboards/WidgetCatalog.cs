using WAOps.Engine.Monitoring;

namespace WAOps.Engine.Dashboards;

/// <summary>
/// The graphs a dashboard shows for each kind of resource: traffic, errors, latency (p50/p90/p99 where the
/// metric has percentiles) and saturation, at most four per resource so that one resource is one row of the
/// grid. Every line carries its statistic; every graph carries the region its metrics live in (us-east-1 for
/// CloudFront). Graphs whose metrics the resource cannot have (target health without target groups, Container
/// Insights where it is off) are left out.
/// </summary>
public static class WidgetCatalog
{
    /// <summary>Target groups drawn in one load balancer health graph (two lines each, far below 500 metrics per widget).</summary>
    public const int MaxTargetGroupsPerGraph = 50;

    private static readonly string[] Percentiles = { "p50", "p90", "p99" };

    public static IReadOnlyList<GraphSpec> GraphsFor(MonitoredResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var g = new Graphs(resource);
        switch (resource.Kind)
        {
            case MonitoredKind.CloudFrontDistribution:
                g.Add("Requests", g.Line("AWS/CloudFront", "Requests", "Sum"), g.Line("AWS/CloudFront", "BytesDownloaded", "Sum", right: true));
                g.Add("Error rates (%)", g.Line("AWS/CloudFront", "4xxErrorRate", "Average"), g.Line("AWS/CloudFront", "5xxErrorRate", "Average"),
                    g.Line("AWS/CloudFront", "TotalErrorRate", "Average"));
                g.Add("Origin latency (ms)", g.Percentiles("AWS/CloudFront", "OriginLatency"));
                g.Add("Cache hit rate (%)", g.Line("AWS/CloudFront", "CacheHitRate", "Average"));
                break;

            case MonitoredKind.ApiGatewayRestApi:
                g.Add("Requests", g.Line("AWS/ApiGateway", "Count", "Sum", "Requests"));
                g.Add("Errors", g.Line("AWS/ApiGateway", "4XXError", "Sum", "4XX"), g.Line("AWS/ApiGateway", "5XXError", "Sum", "5XX"));
                g.Add("Latency (ms)", g.Percentiles("AWS/ApiGateway", "Latency"));
                g.Add("Integration latency (ms)", g.Percentiles("AWS/ApiGateway", "IntegrationLatency"));
                break;

            case MonitoredKind.ApiGatewayHttpApi:
                g.Add("Requests", g.Line("AWS/ApiGateway", "Count", "Sum", "Requests"));
                g.Add("Errors", g.Line("AWS/ApiGateway", "4xx", "Sum", "4xx"), g.Line("AWS/ApiGateway", "5xx", "Sum", "5xx"));
                g.Add("Latency (ms)", g.Percentiles("AWS/ApiGateway", "Latency"));
                g.Add("Integration latency (ms)", g.Percentiles("AWS/ApiGateway", "IntegrationLatency"));
                break;

            case MonitoredKind.ApplicationLoadBalancer:
                g.Add("Requests", g.Line("AWS/ApplicationELB", "RequestCount", "Sum", "Requests"), g.Line("AWS/ApplicationELB", "NewConnectionCount", "Sum", "New connections", right: true));
                g.Add("HTTP errors", g.Line("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum", "Target 5XX"), g.Line("AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "Sum", "ELB 5XX"),
                    g.Line("AWS/ApplicationELB", "HTTPCode_Target_4XX_Count", "Sum", "Target 4XX"), g.Line("AWS/ApplicationELB", "RejectedConnectionCount", "Sum", "Rejected connections"));
                g.Add("Target response time (s)", g.Percentiles("AWS/ApplicationELB", "TargetResponseTime"));
                g.Add("Target health", TargetHealth(resource, "AWS/ApplicationELB"));
                break;

            case MonitoredKind.NetworkLoadBalancer:
                g.Add("Flows", g.Line("AWS/NetworkELB", "ActiveFlowCount", "Average", "Active flows"), g.Line("AWS/NetworkELB", "NewFlowCount", "Sum", "New flows", right: true));
                g.Add("Processed bytes", g.Line("AWS/NetworkELB", "ProcessedBytes", "Sum"));
                g.Add("TCP resets", g.Line("AWS/NetworkELB", "TCP_Target_Reset_Count", "Sum", "Target"), g.Line("AWS/NetworkELB", "TCP_ELB_Reset_Count", "Sum", "ELB"),
                    g.Line("AWS/NetworkELB", "TCP_Client_Reset_Count", "Sum", "Client"));
                g.Add("Target health", TargetHealth(resource, "AWS/NetworkELB"));
                break;

            case MonitoredKind.TargetGroup:
                var ns = MonitoredKinds.IsNetwork(resource) ? "AWS/NetworkELB" : "AWS/ApplicationELB";
                g.Add("Target health", g.Line(ns, "HealthyHostCount", "Minimum", "Healthy"), g.Line(ns, "UnHealthyHostCount", "Maximum", "Unhealthy"));
                if (!MonitoredKinds.IsNetwork(resource))
                {
                    g.Add("Requests", g.Line(ns, "RequestCount", "Sum", "Requests"));
                    g.Add("Target errors", g.Line(ns, "HTTPCode_Target_5XX_Count", "Sum", "5XX"), g.Line(ns, "HTTPCode_Target_4XX_Count", "Sum", "4XX"));
                    g.Add("Target response time (s)", g.Percentiles(ns, "TargetResponseTime"));
                }

                break;

            case MonitoredKind.EcsCluster:
                g.Add("CPU (%)", g.Line("AWS/ECS", "CPUUtilization", "Average", "Utilization"), g.Line("AWS/ECS", "CPUReservation", "Average", "Reservation"));
                g.Add("Memory (%)", g.Line("AWS/ECS", "MemoryUtilization", "Average", "Utilization"), g.Line("AWS/ECS", "MemoryReservation", "Average", "Reservation"));
                if (MonitoredKinds.HasContainerInsights(resource))
                {
                    g.Add("Tasks and services", g.Line("ECS/ContainerInsights", "TaskCount", "Average", "Tasks"), g.Line("ECS/ContainerInsights", "ServiceCount", "Average", "Services"));
                }

                break;

            case MonitoredKind.EcsService:
                g.Add("CPU (%)", g.Line("AWS/ECS", "CPUUtilization", "Average", "Average"), g.Line("AWS/ECS", "CPUUtilization", "Maximum", "Maximum"));
                g.Add("Memory (%)", g.Line("AWS/ECS", "MemoryUtilization", "Average", "Average"), g.Line("AWS/ECS", "MemoryUtilization", "Maximum", "Maximum"));
                if (MonitoredKinds.HasContainerInsights(resource))
                {
                    g.Add("Tasks", g.Line("ECS/ContainerInsights", "RunningTaskCount", "Average", "Running"), g.Line("ECS/ContainerInsights", "DesiredTaskCount", "Average", "Desired"),
                        g.Line("ECS/ContainerInsights", "PendingTaskCount", "Average", "Pending"));
                }

                if (resource.Is(MonitoredAttributes.ServiceConnect))
                {
                    g.Add("Service Connect", g.Line("AWS/ECS", "HTTPCode_Target_5XX_Count", "Sum", "Target 5XX"), g.Line("AWS/ECS", "TargetResponseTime", "p90", "Response time p90", right: true));
                }

                break;

            case MonitoredKind.EksCluster:
                g.Add("Nodes", g.Line("ContainerInsights", "cluster_node_count", "Average", "Nodes"), g.Line("ContainerInsights", "cluster_failed_node_count", "Average", "Failed nodes"));
                g.Add("Node CPU and memory (%)", g.Line("ContainerInsights", "node_cpu_utilization", "Average", "CPU"), g.Line("ContainerInsights", "node_memory_utilization", "Average", "Memory"));
                g.Add("Pods per node", g.Line("ContainerInsights", "node_number_of_running_pods", "Average", "Running pods"));
                g.Add("API server", g.Line("ContainerInsights", "apiserver_request_total_5xx", "Sum", "5xx requests"),
                    g.Line("ContainerInsights", "apiserver_request_duration_seconds", "Average", "Request duration (s)", right: true));
                break;

            case MonitoredKind.AutoScalingGroup:
                g.Add("Capacity", g.Line("AWS/AutoScaling", "GroupDesiredCapacity", "Average", "Desired"), g.Line("AWS/AutoScaling", "GroupInServiceInstances", "Average", "In service"),
                    g.Line("AWS/AutoScaling", "GroupPendingInstances", "Average", "Pending"), g.Line("AWS/AutoScaling", "GroupTerminatingInstances", "Average", "Terminating"));
                g.Add("CPU (%)", g.Line("AWS/EC2", "CPUUtilization", "Average", "Average"), g.Line("AWS/EC2", "CPUUtilization", "Maximum", "Maximum"));
                g.Add("Network (bytes)", g.Line("AWS/EC2", "NetworkIn", "Sum", "In"), g.Line("AWS/EC2", "NetworkOut", "Sum", "Out"));
                break;

            case MonitoredKind.LambdaFunction:
                g.Add("Invocations", g.Line("AWS/Lambda", "Invocations", "Sum"));
                g.Add("Errors and throttles", g.Line("AWS/Lambda", "Errors", "Sum"), g.Line("AWS/Lambda", "Throttles", "Sum"));
                g.Add("Duration (ms)", g.Percentiles("AWS/Lambda", "Duration"));
                g.Add("Concurrent executions", g.Line("AWS/Lambda", "ConcurrentExecutions", "Maximum"));
                break;

            case MonitoredKind.ElastiCacheCluster:
                g.Add("CPU (%)", g.Line("AWS/ElastiCache", "EngineCPUUtilization", "Average", "Engine CPU"), g.Line("AWS/ElastiCache", "CPUUtilization", "Average", "Host CPU"));
                g.Add("Memory", g.Line("AWS/ElastiCache", "DatabaseMemoryUsagePercentage", "Average", "Memory used (%)"), g.Line("AWS/ElastiCache", "Evictions", "Sum", "Evictions", right: true));
                var connections = new List<MetricLine> { g.Line("AWS/ElastiCache", "CurrConnections", "Average", "Connections"), g.Line("AWS/ElastiCache", "NewConnections", "Sum", "New connections") };
                if (resource.Attribute(MonitoredAttributes.ReplicationGroup) is not null)
                {
                    connections.Add(g.Line("AWS/ElastiCache", "ReplicationLag", "Maximum", "Replication lag (s)", right: true));
                }

                g.Add(resource.Attribute(MonitoredAttributes.ReplicationGroup) is null ? "Connections" : "Connections and replication lag", connections.ToArray());
                g.Add("Hits and misses", g.Line("AWS/ElastiCache", "CacheHits", "Sum", "Hits"), g.Line("AWS/ElastiCache", "CacheMisses", "Sum", "Misses"));
                break;

            case MonitoredKind.AuroraCluster:
                g.Add("CPU by role (%)", g.Role("CPUUtilization", "Average", "WRITER"), g.Role("CPUUtilization", "Average", "READER"));
                g.Add("Connections by role", g.Role("DatabaseConnections", "Average", "WRITER"), g.Role("DatabaseConnections", "Average", "READER"));
                g.Add("Replica lag (ms)", g.Line("AWS/RDS", "AuroraReplicaLagMaximum", "Maximum", "Maximum"), g.Line("AWS/RDS", "AuroraReplicaLagMinimum", "Minimum", "Minimum"));
                g.Add("Freeable memory by role (bytes)", g.Role("FreeableMemory", "Minimum", "WRITER"), g.Role("FreeableMemory", "Minimum", "READER"));
                break;

            case MonitoredKind.RdsInstance:
                g.Add("CPU (%)", g.Line("AWS/RDS", "CPUUtilization", "Average", "Average"), g.Line("AWS/RDS", "CPUUtilization", "Maximum", "Maximum"));
                g.Add("Connections", g.Line("AWS/RDS", "DatabaseConnections", "Average"));
                g.Add("I/O latency p90 (s)", g.Line("AWS/RDS", "ReadLatency", "p90", "Read"), g.Line("AWS/RDS", "WriteLatency", "p90", "Write"));
                g.Add("Memory and storage (bytes)", g.Line("AWS/RDS", "FreeableMemory", "Minimum", "Freeable memory"),
                    IsAurora(resource)
                        ? g.Line("AWS/RDS", "FreeLocalStorage", "Minimum", "Free local storage", right: true)
                        : g.Line("AWS/RDS", "FreeStorageSpace", "Minimum", "Free storage", right: true));
                break;

            case MonitoredKind.DynamoDbTable:
                g.Add("Consumed capacity", g.Line("AWS/DynamoDB", "ConsumedReadCapacityUnits", "Sum", "Read"), g.Line("AWS/DynamoDB", "ConsumedWriteCapacityUnits", "Sum", "Write"));
                g.Add("Throttle events", g.Line("AWS/DynamoDB", "ReadThrottleEvents", "Sum", "Read"), g.Line("AWS/DynamoDB", "WriteThrottleEvents", "Sum", "Write"));
                g.Add("Request latency (ms)", g.Operations("SuccessfulRequestLatency", "Average"));
                g.Add("System errors", g.Operations("SystemErrors", "Sum"));
                break;

            case MonitoredKind.S3Bucket:
                g.Add("Bucket size (bytes, daily)", 86400, g.Line("AWS/S3", "BucketSizeBytes", "Average", "Standard storage", extra: new MetricDimension("StorageType", "StandardStorage")));
                g.Add("Objects (daily)", 86400, g.Line("AWS/S3", "NumberOfObjects", "Average", "Objects", extra: new MetricDimension("StorageType", "AllStorageTypes")));
                var filters = resource.Facet("FilterId");
                if (filters.Count > 0)
                {
                    g.Add("Requests and errors", filters.SelectMany(f => new[]
                    {
                        g.Line("AWS/S3", "AllRequests", "Sum", Label("Requests", f, filters), extra: new MetricDimension("FilterId", f)),
                        g.Line("AWS/S3", "4xxErrors", "Sum", Label("4xx", f, filters), extra: new MetricDimension("FilterId", f)),
                        g.Line("AWS/S3", "5xxErrors", "Sum", Label("5xx", f, filters), extra: new MetricDimension("FilterId", f)),
                    }).ToArray());
                    g.Add("First byte latency p90 (ms)", filters.Select(f =>
                        g.Line("AWS/S3", "FirstByteLatency", "p90", Label("p90", f, filters), extra: new MetricDimension("FilterId", f))).ToArray());
                }

                break;

            case MonitoredKind.SqsQueue:
                g.Add("Messages", g.Line("AWS/SQS", "NumberOfMessagesSent", "Sum", "Sent"), g.Line("AWS/SQS", "NumberOfMessagesReceived", "Sum", "Received"),
                    g.Line("AWS/SQS", "NumberOfMessagesDeleted", "Sum", "Deleted"));
                g.Add("Backlog", g.Line("AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum", "Visible"), g.Line("AWS/SQS", "ApproximateNumberOfMessagesNotVisible", "Maximum", "In flight"));
                g.Add("Age of oldest message (s)", g.Line("AWS/SQS", "ApproximateAgeOfOldestMessage", "Maximum", "Oldest"));
                break;

            case MonitoredKind.SnsTopic:
                g.Add("Published and delivered", g.Line("AWS/SNS", "NumberOfMessagesPublished", "Sum", "Published"), g.Line("AWS/SNS", "NumberOfNotificationsDelivered", "Sum", "Delivered"));
                g.Add("Failed deliveries", g.Line("AWS/SNS", "NumberOfNotificationsFailed", "Sum", "Failed"),
                    g.Line("AWS/SNS", "NumberOfNotificationsFilteredOut-InvalidAttributes", "Sum", "Filtered out (invalid attributes)"),
                    g.Line("AWS/SNS", "NumberOfNotificationsRedrivenToDlq", "Sum", "Redriven to DLQ"));
                break;

            case MonitoredKind.EventBridgeBus:
                g.Add("Invocation attempts", g.Line("AWS/Events", "InvocationAttempts", "Sum", "Attempts"), g.Line("AWS/Events", "SuccessfulInvocationAttempts", "Sum", "Successful"),
                    g.Line("AWS/Events", "RetryInvocationAttempts", "Sum", "Retried"));
                break;

            case MonitoredKind.EventBridgeRule:
                g.Add("Invocations", g.Line("AWS/Events", "Invocations", "Sum"), g.Line("AWS/Events", "TriggeredRules", "Sum", "Triggered"), g.Line("AWS/Events", "MatchedEvents", "Sum", "Matched events"));
                g.Add("Failures", g.Line("AWS/Events", "FailedInvocations", "Sum", "Failed"), g.Line("AWS/Events", "ThrottledRules", "Sum", "Throttled"),
                    g.Line("AWS/Events", "DeadLetterInvocations", "Sum", "Dead-letter"));
                break;

            case MonitoredKind.NatGateway:
                g.Add("Traffic (bytes)", g.Line("AWS/NATGateway", "BytesOutToDestination", "Sum", "Out to destination"), g.Line("AWS/NATGateway", "BytesInFromDestination", "Sum", "In from destination"));
                g.Add("Connections", g.Line("AWS/NATGateway", "ActiveConnectionCount", "Maximum", "Active"), g.Line("AWS/NATGateway", "ConnectionAttemptCount", "Sum", "Attempts"),
                    g.Line("AWS/NATGateway", "ConnectionEstablishedCount", "Sum", "Established"));
                g.Add("Errors", g.Line("AWS/NATGateway", "ErrorPortAllocation", "Sum", "Port allocation errors"), g.Line("AWS/NATGateway", "PacketsDropCount", "Sum", "Dropped packets"));
                break;
        }

        return g.Result;
    }

    /// <summary>Aurora instances report local storage (FreeLocalStorage) where other engines report FreeStorageSpace.</summary>
    public static bool IsAurora(MonitoredResource resource) =>
        resource.Attribute(MonitoredAttributes.Engine)?.StartsWith("aurora", StringComparison.OrdinalIgnoreCase) == true;

    private static MetricLine[] TargetHealth(MonitoredResource resource, string ns)
    {
        var loadBalancer = resource.Dimensions.First(d => d.Name == "LoadBalancer");
        return resource.Facet("TargetGroup").Take(MaxTargetGroupsPerGraph).SelectMany(group =>
        {
            var dimensions = new[] { new MetricDimension("TargetGroup", group), loadBalancer };
            var name = TargetGroupName(group);
            return new[]
            {
                new MetricLine(ns, "HealthyHostCount", dimensions, "Minimum", $"{name} healthy"),
                new MetricLine(ns, "UnHealthyHostCount", dimensions, "Maximum", $"{name} unhealthy"),
            };
        }).ToArray();
    }

    /// <summary>"targetgroup/web/0123abcd" -> "web".</summary>
    public static string TargetGroupName(string dimension)
    {
        var parts = dimension.Split('/');
        return parts.Length >= 2 ? parts[1] : dimension;
    }

    private static string Label(string what, string filter, IReadOnlyList<string> filters) => filters.Count == 1 ? what : $"{what} ({filter})";

    /// <summary>Collects a resource's graphs; a graph without lines is left out.</summary>
    private sealed class Graphs
    {
        private static readonly string[] DynamoDbOperations = { "GetItem", "PutItem", "Query" };
        private readonly MonitoredResource _resource;
        private readonly IReadOnlyList<MetricDimension> _dimensions;

        public Graphs(MonitoredResource resource)
        {
            _resource = resource;
            _dimensions = MonitoredKinds.MetricDimensionsOf(resource);
        }

        public List<GraphSpec> Result { get; } = new();

        public void Add(string title, params MetricLine[] lines) => Add(title, 60, lines);

        public void Add(string title, int period, params MetricLine[] lines)
        {
            if (lines.Length > 0)
            {
                Result.Add(new GraphSpec($"{_resource.Name}: {title}", lines, _resource.Region, period));
            }
        }

        public MetricLine Line(string ns, string metric, string stat, string? label = null, bool right = false, MetricDimension? extra = null) =>
            new(ns, metric, extra is null ? _dimensions : _dimensions.Append(extra).ToList(), stat, label ?? metric, right);

        public MetricLine[] Percentiles(string ns, string metric) => WidgetCatalog.Percentiles.Select(p => Line(ns, metric, p, p)).ToArray();

        public MetricLine Role(string metric, string stat, string role) =>
            Line("AWS/RDS", metric, stat, role == "WRITER" ? "Writer" : "Readers", extra: new MetricDimension("Role", role));

        public MetricLine[] Operations(string metric, string stat) =>
            DynamoDbOperations.Select(op => Line("AWS/DynamoDB", metric, stat, op, extra: new MetricDimension("Operation", op))).ToArray();
    }
}
