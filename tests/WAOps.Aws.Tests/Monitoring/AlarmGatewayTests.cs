using System.Diagnostics;
using System.Text.Json;
using WAOps.Aws.Monitoring;
using WAOps.Aws.Protocol;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Alarms;
using WAOps.Engine.Monitoring;
using WAOps.Engine.Planning;
using Xunit;

namespace WAOps.Aws.Tests.Monitoring;

/// <summary>
/// The alarm planner and gateway against moto: alarms created once (with their tags), read back equal so a re-run
/// writes nothing, updated (and re-tagged) when a threshold changes, deleted with prune; the AWS CLI reads the same
/// alarms back. moto 5.2.1 deviations met here: DescribeAlarms ignores MaxRecords and never pages (paging is proven in
/// DescribeAlarmsPagingTests), and it does not check that alarm actions name existing topics.
/// </summary>
public sealed class AlarmGatewayTests : IClassFixture<MotoFixture>
{
    private const string Region = "us-east-1";
    private readonly MotoServer _moto;

    public AlarmGatewayTests(MotoFixture fixture)
    {
        fixture.LogName = nameof(AlarmGatewayTests);
        _moto = fixture.Server;
    }

    private static MonitoredResource Queue(string name) =>
        new(MonitoredKind.SqsQueue, $"arn:aws:sqs:{Region}:123456789012:{name}", Region, name, new[] { new MetricDimension("QueueName", name) });

    private static MonitoredResource Function(string name) =>
        new(MonitoredKind.LambdaFunction, $"arn:aws:lambda:{Region}:123456789012:function:{name}", Region, name, new[] { new MetricDimension("FunctionName", name) });

    private static AlarmPlanOptions Options(string workload, bool prune = false) => new()
    {
        Workload = workload,
        Tags = new[] { KeyValuePair.Create("ManagedBy", "WAOps"), KeyValuePair.Create("waops:workload", workload) },
        Prune = prune,
    };

    private static async Task<IReadOnlyList<PlannedChange<AlarmOperation>>> PlanAndApplyAsync(AlarmGateway gateway, string workload, IEnumerable<MonitoredResource> resources,
        IReadOnlyDictionary<string, double> thresholds, bool prune = false)
    {
        var wanted = AlarmDesigner.Design(resources, workload, "WAOps", thresholds).Alarms;
        var existing = await gateway.ReadAsync(new[] { Region }, AlarmNaming.WorkloadPrefix("WAOps", workload), CancellationToken.None);
        var plan = AlarmPlanner.Plan(wanted, existing, Options(workload, prune));
        foreach (var change in plan.Where(c => c.IsWrite))
        {
            await gateway.ApplyAsync(change, CancellationToken.None);
        }

        return plan;
    }

    private JsonElement CliAlarm(string name) =>
        ExternalTools.AwsCli(_moto.Endpoint, Region, "cloudwatch", "describe-alarms", "--alarm-names", name)!.Value.GetProperty("MetricAlarms").EnumerateArray().Single();

    private Dictionary<string, string> CliTags(string arn) =>
        ExternalTools.AwsCli(_moto.Endpoint, Region, "cloudwatch", "list-tags-for-resource", "--resource-arn", arn)!.Value.GetProperty("Tags").EnumerateArray()
            .ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString()!);

    [Fact]
    public async Task AlarmsAreCreatedOnceWithTheirTagsAndARerunWritesNothing()
    {
        var gateway = new AlarmGateway(TestSessions.For(_moto, Region), writeRate: 100);
        var thresholds = new Dictionary<string, double> { ["AWS/Lambda/Duration"] = 3000, ["AWS/SQS/ApproximateAgeOfOldestMessage"] = 300 };
        var resources = new[] { Queue("once-q"), Function("once-f") };

        var first = await PlanAndApplyAsync(gateway, "once", resources, thresholds);
        Assert.Equal(3, first.Count(c => c.Action == ChangeAction.Create));

        var rerun = await PlanAndApplyAsync(gateway, "once", resources, thresholds);
        Assert.DoesNotContain(rerun, c => c.IsWrite);
        Assert.Equal(3, rerun.Count(c => c.Action == ChangeAction.None));

        var duration = CliAlarm("WAOps-once-lambda-once-f-Duration");
        Assert.Equal("p90", duration.GetProperty("ExtendedStatistic").GetString());
        Assert.Equal(3000, duration.GetProperty("Threshold").GetDouble());
        Assert.Equal(15, duration.GetProperty("DatapointsToAlarm").GetInt32());
        Assert.Equal("missing", duration.GetProperty("TreatMissingData").GetString());
        Assert.Equal("FunctionName", duration.GetProperty("Dimensions")[0].GetProperty("Name").GetString());
        Assert.EndsWith("WAOps workload: once.", duration.GetProperty("AlarmDescription").GetString());
        Assert.Equal(new Dictionary<string, string> { ["ManagedBy"] = "WAOps", ["waops:workload"] = "once" }, CliTags(duration.GetProperty("AlarmArn").GetString()!));
    }

    [Fact]
    public async Task AChangedThresholdUpdatesTheAlarmAndRetagsIt()
    {
        var gateway = new AlarmGateway(TestSessions.For(_moto, Region), writeRate: 100);
        var resources = new[] { Queue("upd-q") };
        await PlanAndApplyAsync(gateway, "upd", resources, new Dictionary<string, double> { ["AWS/SQS/ApproximateAgeOfOldestMessage"] = 300 });
        var arn = CliAlarm("WAOps-upd-sqs-upd-q-ApproximateAgeOfOldestMessage").GetProperty("AlarmArn").GetString()!;
        ExternalTools.AwsCli(_moto.Endpoint, Region, "cloudwatch", "untag-resource", "--resource-arn", arn, "--tag-keys", "ManagedBy");

        var plan = await PlanAndApplyAsync(gateway, "upd", resources, new Dictionary<string, double> { ["AWS/SQS/ApproximateAgeOfOldestMessage"] = 900 });

        var update = Assert.Single(plan, c => c.Action == ChangeAction.Update);
        Assert.Equal("Changed: threshold.", update.Reason);
        Assert.Equal(900, CliAlarm("WAOps-upd-sqs-upd-q-ApproximateAgeOfOldestMessage").GetProperty("Threshold").GetDouble());
        Assert.Equal("WAOps", CliTags(arn)["ManagedBy"]);
    }

    [Fact]
    public async Task AlarmsOfAResourceThatLeftAreKeptWithoutPruneAndDeletedWithIt()
    {
        var gateway = new AlarmGateway(TestSessions.For(_moto, Region), writeRate: 100);
        var thresholds = new Dictionary<string, double>();
        await PlanAndApplyAsync(gateway, "prn", new[] { Queue("prn-keep"), Queue("prn-gone") }, thresholds);

        var kept = await PlanAndApplyAsync(gateway, "prn", new[] { Queue("prn-keep") }, thresholds);
        Assert.Equal("WAOps-prn-sqs-prn-gone-NumberOfMessagesSent", Assert.Single(kept, c => c.Reason == AlarmPlanner.ExtraReason).Target);
        Assert.Equal(JsonValueKind.Object, CliAlarm("WAOps-prn-sqs-prn-gone-NumberOfMessagesSent").ValueKind);

        var pruned = await PlanAndApplyAsync(gateway, "prn", new[] { Queue("prn-keep") }, thresholds, prune: true);
        Assert.Equal("WAOps-prn-sqs-prn-gone-NumberOfMessagesSent", Assert.Single(pruned, c => c.Action == ChangeAction.Delete).Target);
        var left = ExternalTools.AwsCli(_moto.Endpoint, Region, "cloudwatch", "describe-alarms", "--alarm-name-prefix", "WAOps-prn-")!.Value.GetProperty("MetricAlarms");
        Assert.Equal(new[] { "WAOps-prn-sqs-prn-keep-NumberOfMessagesSent" }, left.EnumerateArray().Select(a => a.GetProperty("AlarmName").GetString()));

        // Deleting what is already gone counts as done.
        await gateway.ApplyAsync(pruned.Single(c => c.Action == ChangeAction.Delete), CancellationToken.None);
    }

    [Fact]
    public async Task ThrottledWritesAreRetriedByTheTransport()
    {
        var puts = 0;
        using var proxy = new FaultInjectingProxy(_moto.Endpoint, (_, request) =>
            request.Header("x-amz-target")?.EndsWith("PutMetricAlarm", StringComparison.Ordinal) == true && Interlocked.Increment(ref puts) <= 2
                ? InjectedFault.Throttle
                : InjectedFault.None);
        var counter = new AwsCallCounter();
        var gateway = new AlarmGateway(TestSessions.For(proxy.Endpoint, Region, TestSessions.QuickRetries(4, counter)), writeRate: 100);

        var plan = await PlanAndApplyAsync(gateway, "thr", new[] { Queue("thr-q") }, new Dictionary<string, double>());

        Assert.Single(plan, c => c.Action == ChangeAction.Create);
        Assert.Equal(2, counter.Retries);
        Assert.Equal(3, counter.Count("CloudWatch", "PutMetricAlarm"));
        Assert.Equal("Sum", CliAlarm("WAOps-thr-sqs-thr-q-NumberOfMessagesSent").GetProperty("Statistic").GetString());
    }

    [Fact]
    public async Task WritesArePacedAtTheRateGiven()
    {
        var gateway = new AlarmGateway(TestSessions.For(_moto, Region), writeRate: 10);
        var resources = Enumerable.Range(1, 6).Select(i => Queue($"pace-{i}")).ToList();
        var stopwatch = Stopwatch.StartNew();
        var plan = await PlanAndApplyAsync(gateway, "pace", resources, new Dictionary<string, double>());
        Assert.Equal(6, plan.Count(c => c.Action == ChangeAction.Create));
        // Six writes at 10 per second: the sixth starts 500 ms after the first.
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(480), $"took {stopwatch.Elapsed.TotalMilliseconds} ms");
    }
}
