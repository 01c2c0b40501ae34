using WAOps.Engine.Alarms;
using WAOps.Engine.Monitoring;
using Xunit;

namespace WAOps.Engine.Tests.Alarms;

public sealed class RecommendedAlarmCatalogTests
{
    [Fact]
    public void ShipsEveryRowOfAwsRecommendedAlarmsThenWAOpsDefaults()
    {
        var all = RecommendedAlarmCatalog.All;
        Assert.Equal(95, all.Count(a => a.Source == AlarmSource.AwsRecommended));
        Assert.Equal(WAOpsDefaultAlarms.All, all.Where(a => a.Source == AlarmSource.WAOpsDefault));
        Assert.All(all, a =>
        {
            Assert.Equal(0, a.Period % 60);
            Assert.InRange(a.DatapointsToAlarm, 1, a.EvaluationPeriods);
            Assert.True(a.Period * a.EvaluationPeriods <= 86400);
        });
    }

    [Fact]
    public void ReadsDimensionsFixedValuesPercentilesAndMissingThresholds()
    {
        var all = RecommendedAlarmCatalog.All;
        var binlog = all.Single(a => a.MetricName == "AuroraBinlogReplicaLag");
        Assert.Equal(new[] { "DBClusterIdentifier" }, binlog.DimensionNames);
        Assert.Equal(new[] { new MetricDimension("Role", "WRITER") }, binlog.FixedDimensions);
        Assert.Equal(-1.0, binlog.Threshold);
        Assert.Equal("LessThanOrEqualToThreshold", binlog.ComparisonOperator);

        var duration = all.Single(a => a.Key == "AWS/Lambda/Duration");
        Assert.True(duration.IsExtendedStatistic);
        Assert.Null(duration.Threshold);
        Assert.Equal((60, 15, 15, "missing"), (duration.Period, duration.EvaluationPeriods, duration.DatapointsToAlarm, duration.TreatMissingData));

        var sent = all.Single(a => a.Key == "AWS/SQS/NumberOfMessagesSent");
        Assert.False(sent.IsExtendedStatistic);
        Assert.Equal(0.0, sent.Threshold);
        Assert.Equal(1_000_000_000.0, all.Single(a => a.MetricName == "MaximumUsedTransactionIDs").Threshold);
        Assert.Empty(all.Single(a => a.MetricName == "ClaimedAccountConcurrency").DimensionNames);
    }

    [Fact]
    public void WAOpsDefaultsCoverLoadBalancersAndEventBridgeRules()
    {
        var defaults = WAOpsDefaultAlarms.All.Select(a => (a.Key, string.Join(";", a.DimensionNames), a.Statistic, a.Threshold)).ToList();
        Assert.Contains(("AWS/ApplicationELB/HTTPCode_Target_5XX_Count", "LoadBalancer", "Sum", (double?)10), defaults);
        Assert.Contains(("AWS/ApplicationELB/TargetResponseTime", "LoadBalancer", "p90", (double?)1), defaults);
        Assert.Contains(("AWS/ApplicationELB/UnHealthyHostCount", "TargetGroup;LoadBalancer", "Maximum", (double?)0), defaults);
        Assert.Contains(("AWS/NetworkELB/UnHealthyHostCount", "TargetGroup;LoadBalancer", "Maximum", (double?)0), defaults);
        Assert.Contains(("AWS/Events/FailedInvocations", "RuleName", "Sum", (double?)0), defaults);
        Assert.All(WAOpsDefaultAlarms.All, a => Assert.Equal("notBreaching", a.TreatMissingData));
    }

    [Fact]
    public void AMalformedRowIsRefusedWithItsLineNumber()
    {
        const string Header = "namespace,metric,dimensions,statistic,comparison,static_threshold,period_s,evaluation_periods,datapoints_to_alarm,treat_missing_data";
        var good = RecommendedAlarmCatalog.Parse(Header + "\nAWS/SQS,NumberOfMessagesSent,QueueName,Sum,LessThanOrEqualToThreshold,0.0,60,15,15,missing\n");
        Assert.Single(good);

        var comparison = Assert.Throws<FormatException>(() => RecommendedAlarmCatalog.Parse(Header + "\nAWS/SQS,X,QueueName,Sum,Bigger,1,60,1,1,missing"));
        Assert.Contains("Line 2", comparison.Message);
        Assert.Throws<FormatException>(() => RecommendedAlarmCatalog.Parse(Header + "\nAWS/SQS,X,QueueName,Sum,GreaterThanThreshold,1,90,1,1,missing"));
        Assert.Throws<FormatException>(() => RecommendedAlarmCatalog.Parse(Header + "\nAWS/SQS,X,QueueName,Sum,GreaterThanThreshold,1,60,1,2,missing"));
        Assert.Throws<FormatException>(() => RecommendedAlarmCatalog.Parse(Header + "\nAWS/SQS,X,QueueName"));
        Assert.Throws<FormatException>(() => RecommendedAlarmCatalog.Parse("a,b\n"));
    }

    [Fact]
    public void TheEmbeddedCopyIsTheSharedReferenceFile()
    {
        // The module ships its own copy; this keeps it identical to the reference it was taken from.
        var shared = Path.Combine(RepositoryRoot(), "..", "shared", "reference", "recommended-alarms.csv");
        var copy = Path.Combine(RepositoryRoot(), "src", "WAOps.Engine", "Alarms", "recommended-alarms.csv");
        Assert.True(File.Exists(copy));
        if (File.Exists(shared))
        {
            Assert.Equal(File.ReadAllText(shared), File.ReadAllText(copy));
        }

        using var stream = typeof(RecommendedAlarmCatalog).Assembly.GetManifestResourceStream(RecommendedAlarmCatalog.ResourceName)!;
        Assert.Equal(File.ReadAllText(copy), new StreamReader(stream).ReadToEnd());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WAOps.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}
