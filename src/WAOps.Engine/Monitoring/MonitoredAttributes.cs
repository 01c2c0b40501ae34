namespace WAOps.Engine.Monitoring;

/// <summary>
/// Names of the facts discovery records about a resource beyond its metric dimensions; the alarm catalog's
/// applicability rules and the widget catalog read them. Values are plain strings ("true", engine names).
/// </summary>
public static class MonitoredAttributes
{
    /// <summary>RDS/Aurora engine: mysql, postgres, aurora-mysql, aurora-postgresql, ...; ElastiCache: redis or valkey.</summary>
    public const string Engine = nameof(Engine);

    /// <summary>"true" for an RDS instance that is a read replica of another instance.</summary>
    public const string ReadReplica = nameof(ReadReplica);

    /// <summary>"true" when Performance Insights is on (DBLoad is published).</summary>
    public const string PerformanceInsights = nameof(PerformanceInsights);

    /// <summary>"true" for an Aurora MySQL cluster that replicates from a binary log source.</summary>
    public const string BinlogReplica = nameof(BinlogReplica);

    /// <summary>ECS cluster setting containerInsights: enabled, enhanced or disabled.</summary>
    public const string ContainerInsights = nameof(ContainerInsights);

    /// <summary>"true" for an ECS service with Service Connect (publishes HTTPCode_Target_5XX_Count and TargetResponseTime).</summary>
    public const string ServiceConnect = nameof(ServiceConnect);

    /// <summary>"true" for an ECS service whose tasks mount EBS volumes (publishes EBSFilesystemUtilization).</summary>
    public const string EbsVolumes = nameof(EbsVolumes);

    /// <summary>The replication group of an ElastiCache cluster, when it belongs to one.</summary>
    public const string ReplicationGroup = nameof(ReplicationGroup);

    /// <summary>application or network: which load balancer a target group sends traffic from.</summary>
    public const string LoadBalancerType = nameof(LoadBalancerType);

    /// <summary>The event bus of an EventBridge rule (default for the default bus).</summary>
    public const string EventBus = nameof(EventBus);
}
