using WAOps.Engine.Monitoring;

namespace WAOps.Engine.Alarms;

/// <summary>
/// Which catalog alarms apply to which resources beyond namespace and dimensions: the recommended alarms list
/// metrics that only some engines or configurations publish, and an alarm on a metric that is never published
/// stays in INSUFFICIENT_DATA (or, with missing data treated as breaching, in ALARM) for nothing. Each rule names
/// its reason; New-WADashboard's help lists them.
/// </summary>
public static class AlarmApplicability
{
    /// <summary>Null when the alarm applies to the resource; otherwise why it does not.</summary>
    public static string? WhyNotApplicable(RecommendedAlarm alarm, MonitoredResource resource)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(resource);
        var engine = resource.Attribute(MonitoredAttributes.Engine) ?? string.Empty;
        var aurora = engine.StartsWith("aurora", StringComparison.OrdinalIgnoreCase);
        var auroraMySql = engine.Equals("aurora-mysql", StringComparison.OrdinalIgnoreCase) || engine.Equals("aurora", StringComparison.OrdinalIgnoreCase);
        return (alarm.Namespace, alarm.MetricName) switch
        {
            ("AWS/RDS", "EBSByteBalance%" or "EBSIOBalance%" or "FreeStorageSpace") when aurora =>
                "Aurora instances have no EBS volume of their own (no burst balance, no FreeStorageSpace).",
            ("AWS/RDS", "FreeLocalStorage") when !aurora => "only Aurora instances publish FreeLocalStorage.",
            ("AWS/RDS", "MaximumUsedTransactionIDs") when !engine.Contains("postgres", StringComparison.OrdinalIgnoreCase) =>
                "transaction ID wraparound concerns PostgreSQL engines only.",
            ("AWS/RDS", "ReplicaLag") when !resource.Is(MonitoredAttributes.ReadReplica) => "the instance is not a read replica.",
            ("AWS/RDS", "DBLoad") when !resource.Is(MonitoredAttributes.PerformanceInsights) => "Performance Insights is off, so DBLoad is not published.",
            ("AWS/RDS", "AuroraVolumeBytesLeftTotal") when !auroraMySql => "only Aurora MySQL publishes AuroraVolumeBytesLeftTotal.",
            ("AWS/RDS", "AuroraBinlogReplicaLag") when !auroraMySql || !resource.Is(MonitoredAttributes.BinlogReplica) =>
                "the cluster is not an Aurora MySQL binary log replica (it would alarm on missing data forever).",
            ("AWS/RDS", "BlockedTransactions" or "RollbackSegmentHistoryListLength") when !auroraMySql => "only Aurora MySQL instances publish it.",
            ("AWS/RDS", "BufferCacheHitRatio") when !aurora => "only Aurora instances publish BufferCacheHitRatio.",
            ("AWS/ECS", "HTTPCode_Target_5XX_Count" or "TargetResponseTime") when !resource.Is(MonitoredAttributes.ServiceConnect) =>
                "the service does not use Service Connect, which publishes it.",
            ("AWS/ECS", "EBSFilesystemUtilization") when !resource.Is(MonitoredAttributes.EbsVolumes) => "the service's tasks mount no EBS volume.",
            ("AWS/ElastiCache", "ReplicationLag") when resource.Attribute(MonitoredAttributes.ReplicationGroup) is null =>
                "the cluster is not in a replication group, so it has no replica lag.",
            _ => null,
        };
    }
}
