using WAOps.Engine.Alarms;
using WAOps.Engine.Monitoring;
using Xunit;
using static WAOps.Engine.Tests.Dashboards.SampleResources;

namespace WAOps.Engine.Tests.Alarms;

public sealed class AlarmDesignerTests
{
    private static IReadOnlyList<MetricAlarmSpec> Design(MonitoredResource resource, IReadOnlyDictionary<string, double>? thresholds = null) =>
        AlarmDesigner.Design(new[] { resource }, "shop-prod", "WAOps", thresholds).Alarms;

    private static string[] Metrics(MonitoredResource resource) => Design(resource).Select(a => a.MetricName).Distinct().OrderBy(m => m, StringComparer.Ordinal).ToArray();

    [Fact]
    public void LambdaGetsTheFourRecommendedAlarmsWithoutThresholdsAndNotTheAccountLevelOne()
    {
        var alarms = Design(Lambda("orders-api"));
        Assert.Equal(new[] { "ConcurrentExecutions", "Duration", "Errors", "Throttles" }, alarms.Select(a => a.MetricName).OrderBy(m => m, StringComparer.Ordinal));
        Assert.All(alarms, a =>
        {
            Assert.Null(a.Threshold);
            Assert.Equal(new[] { new MetricDimension("FunctionName", "orders-api") }, a.Dimensions);
            Assert.Equal("eu-west-1", a.Region);
            Assert.Equal(Lambda("orders-api").Arn, a.ResourceArn);
            Assert.StartsWith("WAOps-shop-prod-lambda-orders-api-", a.Name);
            Assert.EndsWith("WAOps workload: shop-prod.", a.Description);
            Assert.Contains("AWS recommended alarm for Lambda function orders-api", a.Description);
        });
        Assert.Equal("WAOps-shop-prod-lambda-orders-api-Errors", alarms.Single(a => a.MetricName == "Errors").Name);
        Assert.Equal("p90", alarms.Single(a => a.MetricName == "Duration").Statistic);
    }

    [Fact]
    public void AGivenThresholdIsUsedAndReplacesARecommendedOne()
    {
        var thresholds = new Dictionary<string, double> { ["AWS/Lambda/Errors"] = 5, ["AWS/RDS/CPUUtilization"] = 75 };
        var errors = Design(Lambda("f"), thresholds).Single(a => a.MetricName == "Errors");
        Assert.Equal((5.0, ThresholdSource.Parameter), (errors.Threshold!.Value, errors.ThresholdSource));

        var cpu = Design(Database("pg", "postgres"), thresholds).Single(a => a.MetricName == "CPUUtilization");
        Assert.Equal((75.0, ThresholdSource.Parameter), (cpu.Threshold!.Value, cpu.ThresholdSource));
        var recommended = Design(Database("pg", "postgres")).Single(a => a.MetricName == "CPUUtilization");
        Assert.Equal((90.0, ThresholdSource.Recommended), (recommended.Threshold!.Value, recommended.ThresholdSource));
    }

    [Fact]
    public void NodeLevelAlarmsAreMadeForEachCacheNode()
    {
        var alarms = Design(Cache("sessions-001", "sessions", "0001", "0002"));
        var cpu = alarms.Where(a => a.MetricName == "CPUUtilization").ToList();
        Assert.Equal(new[] { "WAOps-shop-prod-elasticache-sessions-001-0001-CPUUtilization", "WAOps-shop-prod-elasticache-sessions-001-0002-CPUUtilization" }, cpu.Select(a => a.Name));
        Assert.Equal(new[] { new MetricDimension("CacheClusterId", "sessions-001"), new MetricDimension("CacheNodeId", "0002") }, cpu[1].Dimensions);
        Assert.Equal(new[] { "CPUUtilization", "CurrConnections", "DatabaseMemoryUsagePercentage", "EngineCPUUtilization", "ReplicationLag" }, Metrics(Cache("x", "group")));
        Assert.DoesNotContain("ReplicationLag", Metrics(Cache("solo")));
    }

    [Fact]
    public void RdsAlarmsFollowTheEngineAndConfiguration()
    {
        var postgres = Metrics(Database("pg", "postgres"));
        Assert.Contains("MaximumUsedTransactionIDs", postgres);
        Assert.Contains("FreeStorageSpace", postgres);
        Assert.Contains("EBSByteBalance%", postgres);
        Assert.DoesNotContain("ReplicaLag", postgres);
        Assert.DoesNotContain("DBLoad", postgres);
        Assert.DoesNotContain("FreeLocalStorage", postgres);
        Assert.DoesNotContain("BufferCacheHitRatio", postgres);

        Assert.DoesNotContain("MaximumUsedTransactionIDs", Metrics(Database("my", "mysql")));
        Assert.Contains("ReplicaLag", Metrics(Database("replica", "mysql", readReplica: true)));
        Assert.Contains("DBLoad", Metrics(Database("pi", "mysql", performanceInsights: true)));

        var auroraMySql = Metrics(Database("a1", "aurora-mysql"));
        Assert.Contains("FreeLocalStorage", auroraMySql);
        Assert.Contains("BlockedTransactions", auroraMySql);
        Assert.Contains("RollbackSegmentHistoryListLength", auroraMySql);
        Assert.Contains("BufferCacheHitRatio", auroraMySql);
        Assert.DoesNotContain("FreeStorageSpace", auroraMySql);
        Assert.DoesNotContain("EBSIOBalance%", auroraMySql);
        Assert.DoesNotContain("BlockedTransactions", Metrics(Database("a2", "aurora-postgresql")));

        var why = AlarmDesigner.Design(new[] { Database("a1", "aurora-mysql") }, "w", "WAOps").NotApplicable;
        Assert.Contains(why, n => n.Alarm.MetricName == "FreeStorageSpace" && n.Reason.Contains("Aurora", StringComparison.Ordinal));
    }

    [Fact]
    public void AuroraClusterAlarmsCarryTheWriterRole()
    {
        var alarms = Design(Aurora("orders", "aurora-mysql"));
        Assert.Equal(new[] { "AuroraVolumeBytesLeftTotal", "EngineUptime", "StorageNetworkThroughput" }, alarms.Select(a => a.MetricName).OrderBy(m => m, StringComparer.Ordinal));
        Assert.Equal(new[] { new MetricDimension("DBClusterIdentifier", "orders"), new MetricDimension("Role", "WRITER") },
            alarms.Single(a => a.MetricName == "EngineUptime").Dimensions);
        Assert.Contains("AuroraBinlogReplicaLag", Metrics(Aurora("replica", "aurora-mysql", binlogReplica: true)));
        Assert.DoesNotContain("AuroraVolumeBytesLeftTotal", Metrics(Aurora("pg")));
    }

    [Fact]
    public void LoadBalancersGetTheWAOpsDefaultsWithOneUnhealthyHostAlarmPerTargetGroup()
    {
        var alarms = Design(Alb("web", "web-blue", "web-green"));
        Assert.All(alarms, a => Assert.Equal(AlarmSource.WAOpsDefault, a.Source));
        Assert.All(alarms, a => Assert.Equal(ThresholdSource.WAOpsDefault, a.ThresholdSource));
        Assert.Equal(new[]
        {
            "WAOps-shop-prod-alb-web-HTTPCode_Target_5XX_Count",
            "WAOps-shop-prod-alb-web-TargetResponseTime",
            "WAOps-shop-prod-alb-web-web-blue-UnHealthyHostCount",
            "WAOps-shop-prod-alb-web-web-green-UnHealthyHostCount",
        }, alarms.Select(a => a.Name));
        Assert.Equal(new[] { new MetricDimension("TargetGroup", "targetgroup/web-blue/73e2d6bc24d8a067"), new MetricDimension("LoadBalancer", "app/web/50dc6c495c0c9188") },
            alarms[2].Dimensions);
        Assert.Contains("WAOps default alarm", alarms[0].Description);
        Assert.Equal(2, Design(Alb("bare")).Count);
    }

    [Fact]
    public void EventBridgeRulesGetFailedInvocationsOnTheirOwnDimensions()
    {
        var onDefaultBus = Assert.Single(Design(Rule("nightly")));
        Assert.Equal(0.0, onDefaultBus.Threshold);
        Assert.Equal(new[] { new MetricDimension("RuleName", "nightly") }, onDefaultBus.Dimensions);
        var onCustomBus = Assert.Single(Design(Rule("placed", "shop")));
        Assert.Equal(new[] { new MetricDimension("EventBusName", "shop"), new MetricDimension("RuleName", "placed") }, onCustomBus.Dimensions);
        Assert.Equal("WAOps-shop-prod-events-shop/placed-FailedInvocations", onCustomBus.Name);
    }

    [Fact]
    public void CloudFrontAlarmsAreInUsEast1WithTheGlobalRegionDimensionAndSkipFunctions()
    {
        var alarms = Design(Distribution("E1"));
        Assert.Equal(new[] { "5xxErrorRate", "OriginLatency" }, alarms.Select(a => a.MetricName).OrderBy(m => m, StringComparer.Ordinal));
        Assert.All(alarms, a =>
        {
            Assert.Equal("us-east-1", a.Region);
            Assert.Equal(new[] { new MetricDimension("DistributionId", "E1"), new MetricDimension("Region", "Global") }, a.Dimensions);
        });
    }

    [Fact]
    public void EcsAlarmsNeedTheirPublishers()
    {
        Assert.Equal(new[] { "CPUReservation", "MemoryReservation" }, Metrics(EcsCluster("main")));
        var insights = Metrics(EcsCluster("main", "enabled"));
        Assert.Contains("TaskCpuUtilization", insights);
        Assert.DoesNotContain("instance_filesystem_utilization", insights);
        Assert.Equal(new[] { "CPUUtilization", "MemoryUtilization" }, Metrics(EcsService("main", "web")));
        Assert.Contains("HTTPCode_Target_5XX_Count", Metrics(EcsService("main", "web", serviceConnect: true)));
        Assert.Contains("RunningTaskCount", Metrics(EcsService("main", "web", "enhanced")));
    }

    [Fact]
    public void EksGetsClusterLevelAlarmsOnlyAndBothSpellingsOfThe5xxMetricGetDistinctNames()
    {
        var alarms = Design(Eks("platform"));
        Assert.All(alarms, a => Assert.Equal(new[] { new MetricDimension("ClusterName", "platform") }, a.Dimensions));
        Assert.DoesNotContain(alarms, a => a.MetricName.StartsWith("pod_", StringComparison.Ordinal));
        var fiveXx = alarms.Where(a => a.MetricName.StartsWith("apiserver_request_total_5", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, fiveXx.Count);
        Assert.Equal(2, fiveXx.Select(a => a.Name.ToUpperInvariant()).Distinct().Count());
        Assert.Equal(alarms.Count, alarms.Select(a => a.Name.ToUpperInvariant()).Distinct().Count());
    }

    [Fact]
    public void S3RequestAlarmsNeedARequestMetricsFilter()
    {
        Assert.Empty(Design(Bucket("assets")));
        var alarms = Design(Bucket("assets", "EntireBucket"));
        Assert.Equal(new[] { "4xxErrors", "5xxErrors" }, alarms.Select(a => a.MetricName).OrderBy(m => m, StringComparer.Ordinal));
        Assert.All(alarms, a => Assert.Contains(new MetricDimension("FilterId", "EntireBucket"), a.Dimensions));
    }

    [Fact]
    public void TheDesignIsTheSameForTheSameWorkloadInAnyOrder()
    {
        var resources = Workload();
        var first = AlarmDesigner.Design(resources, "shop-prod", "WAOps").Alarms;
        var second = AlarmDesigner.Design(resources.Reverse(), "shop-prod", "WAOps").Alarms;
        static string Snapshot(MetricAlarmSpec a) => $"{a.Region} {a} [{string.Join(";", a.Dimensions)}] {a.Description}";
        Assert.Equal(first.Select(Snapshot), second.Select(Snapshot));
        Assert.Equal(first.Count, first.Select(a => a.Region + a.Name.ToUpperInvariant()).Distinct().Count());
        Assert.All(first, a => Assert.InRange(a.Name.Length, 1, AlarmNaming.MaxNameLength));
        Assert.All(first, a => Assert.InRange(a.Description.Length, 1, 1024));
    }

    [Fact]
    public void LongNamesAreCutWithAStableHash()
    {
        var name = new string('q', 250);
        var alarm = Design(Queue(name)).First();
        Assert.Equal(AlarmNaming.MaxNameLength, alarm.Name.Length);
        Assert.Equal(alarm.Name, Design(Queue(name)).First().Name);
        Assert.NotEqual(alarm.Name, Design(Queue(name + "x")).First().Name);
    }
}
