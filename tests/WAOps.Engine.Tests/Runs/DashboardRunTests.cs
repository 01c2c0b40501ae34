using WAOps.Engine.Alarms;
using WAOps.Engine.Budgets;
using WAOps.Engine.Dashboards;
using WAOps.Engine.Inventory;
using WAOps.Engine.Monitoring;
using WAOps.Engine.Planning;
using WAOps.Engine.Runs;
using WAOps.Engine.Tags;
using Xunit;
using static WAOps.Engine.Tests.Dashboards.SampleResources;

namespace WAOps.Engine.Tests.Runs;

/// <summary>New-WADashboard's run with an in-memory CloudWatch: what it writes, what a re-run writes (nothing), and what it shows.</summary>
public sealed class DashboardRunTests
{
    private sealed class Workload(params MonitoredResource[] resources) : IWorkloadSource
    {
        public string Region => SampleRegion;

        public string Partition => "aws";

        public string? GlobalRegion => "us-east-1";

        public Task<string> AccountIdAsync(CancellationToken cancellationToken) => Task.FromResult(Account);

        public Task<WorkloadDiscoveryResult> FindByTagsAsync(IReadOnlyList<TagFilterSpec> filters, Action<CollectionFailure> onFailure, CancellationToken cancellationToken) =>
            Task.FromResult(new WorkloadDiscoveryResult(resources.Select(r => new ResourceReference(r.Arn, r.Region)).ToList(), new[] { "found by tags" }));

        public Task<WorkloadDiscoveryResult> FindByStackAsync(string stackName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ResolveResult> DescribeAsync(IReadOnlyList<ResourceReference> found, CancellationToken cancellationToken) =>
            Task.FromResult(new ResolveResult(resources, Array.Empty<IgnoredResource>(), Array.Empty<string>()));
    }

    /// <summary>CloudWatch's alarms and dashboards in memory: writes change what later reads see.</summary>
    private sealed class CloudWatch : IAlarmStore, IDashboardStore, ITopicPolicySource
    {
        public Dictionary<string, ExistingAlarm> Alarms { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Dashboards { get; } = new(StringComparer.Ordinal);

        public int Writes { get; private set; }

        public Task<IReadOnlyList<ExistingAlarm>> ReadAsync(IEnumerable<string> regions, string namePrefix, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ExistingAlarm>>(Alarms.Values.Where(a => a.Name.StartsWith(namePrefix, StringComparison.Ordinal)).ToList());

        public Task<ApplyResult> ApplyAsync(PlannedChange<AlarmOperation> change, CancellationToken cancellationToken)
        {
            lock (Alarms)
            {
                Writes++;
                var put = (PutAlarmOperation)change.Operation!;
                Alarms[put.Alarm.Name] = new ExistingAlarm
                {
                    Name = put.Alarm.Name,
                    Arn = $"arn:aws:cloudwatch:{put.Alarm.Region}:{Account}:alarm:{put.Alarm.Name}",
                    Region = put.Alarm.Region,
                    Namespace = put.Alarm.Namespace,
                    MetricName = put.Alarm.MetricName,
                    Dimensions = put.Alarm.Dimensions,
                    Statistic = put.Alarm.IsExtendedStatistic ? null : put.Alarm.Statistic,
                    ExtendedStatistic = put.Alarm.IsExtendedStatistic ? put.Alarm.Statistic : null,
                    Period = put.Alarm.Period,
                    EvaluationPeriods = put.Alarm.EvaluationPeriods,
                    DatapointsToAlarm = put.Alarm.DatapointsToAlarm,
                    Threshold = put.Alarm.Threshold,
                    ComparisonOperator = put.Alarm.ComparisonOperator,
                    TreatMissingData = put.Alarm.TreatMissingData,
                    Description = put.Alarm.Description,
                    ActionsEnabled = true,
                    AlarmActions = put.AlarmActions,
                    OKActions = put.OKActions,
                    InsufficientDataActions = put.InsufficientDataActions,
                };
            }

            return Task.FromResult(ApplyResult.Completed());
        }

        public Task<string?> GetBodyAsync(string name, CancellationToken cancellationToken) => Task.FromResult(Dashboards.GetValueOrDefault(name));

        public Task<IReadOnlyList<string>> ListPartNamesAsync(string baseName, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(Dashboards.Keys.Where(n => DashboardNames.TryParsePart(n, baseName, out _)).ToList());

        public Task<ApplyResult> ApplyAsync(PlannedChange<DashboardOperation> change, CancellationToken cancellationToken)
        {
            Writes++;
            var put = (PutDashboardOperation)change.Operation!;
            Dashboards[put.Dashboard.Name] = put.Dashboard.Body;
            return Task.FromResult(ApplyResult.Completed());
        }

        public Task<TopicPolicyInfo> ReadAsync(SnsTopicArn topic, CancellationToken cancellationToken) => Task.FromResult(new TopicPolicyInfo(topic, null, null));
    }

    private const string SampleRegion = "eu-west-1";

    private static DashboardOptions Options(bool alarms = true) => DashboardOptions.Validate(new DashboardInput
    {
        Project = "shop",
        Environment = "prod",
        IncludeAlarms = alarms,
        AlarmThresholds = new Dictionary<string, string?> { ["AWS/SQS/ApproximateAgeOfOldestMessage"] = "300" },
    });

    [Fact]
    public async Task TheFirstRunCreatesAlarmsAndTheDashboardShowingThemAndARerunWritesNothing()
    {
        var cloudWatch = new CloudWatch();
        var run = new DashboardRun(new Workload(Queue("orders"), Lambda("checkout", SampleRegion)), cloudWatch, cloudWatch, cloudWatch);
        var host = new RecordingHost();
        await run.ExecuteAsync(Options(), host, CancellationToken.None);

        var results = host.Of<ChangeResult>().ToList();
        Assert.Contains(results, r => r.Kind == "Dashboard" && r.Outcome == ChangeOutcome.Created && r.Target == "shop-prod");
        Assert.True(results.Count(r => r.Kind == AlarmPlanner.AlarmKind && r.Outcome == ChangeOutcome.Created) >= 2);
        Assert.Equal(results.Count(r => r.Outcome != ChangeOutcome.Unchanged && r.Outcome != ChangeOutcome.Skipped), cloudWatch.Writes);
        Assert.All(cloudWatch.Alarms.Keys, name => Assert.Contains(name, cloudWatch.Dashboards["shop-prod"]));
        Assert.Contains("found by tags", host.Verbose);

        var again = new RecordingHost();
        var writes = cloudWatch.Writes;
        await run.ExecuteAsync(Options(), again, CancellationToken.None);
        Assert.Equal(writes, cloudWatch.Writes);
        Assert.All(again.Of<ChangeResult>(), r => Assert.Contains(r.Outcome, new[] { ChangeOutcome.Unchanged, ChangeOutcome.Skipped }));
    }

    [Fact]
    public async Task WithoutIncludeAlarmsNoAlarmIsWrittenAndExistingOnesStillShowOnTheDashboard()
    {
        var cloudWatch = new CloudWatch();
        var workload = new Workload(Queue("orders"));
        await new DashboardRun(workload, cloudWatch, cloudWatch, cloudWatch).ExecuteAsync(Options(), new RecordingHost(), CancellationToken.None);
        cloudWatch.Dashboards.Clear();
        var alarms = cloudWatch.Alarms.Count;

        var host = new RecordingHost();
        await new DashboardRun(workload, cloudWatch, cloudWatch, cloudWatch).ExecuteAsync(Options(alarms: false), host, CancellationToken.None);
        Assert.Equal(alarms, cloudWatch.Alarms.Count);
        Assert.DoesNotContain(host.Of<ChangeResult>(), r => r.Kind == AlarmPlanner.AlarmKind);
        Assert.All(cloudWatch.Alarms.Keys, name => Assert.Contains(name, cloudWatch.Dashboards["shop-prod"]));
    }

    [Fact]
    public async Task AWorkloadWithNothingToMonitorWritesNothingAndSaysSo()
    {
        var cloudWatch = new CloudWatch();
        var host = new RecordingHost();
        await new DashboardRun(new Workload(), cloudWatch, cloudWatch, cloudWatch).ExecuteAsync(Options(), host, CancellationToken.None);
        Assert.Empty(host.Output);
        Assert.Equal(0, cloudWatch.Writes);
        Assert.Contains(host.Warnings, w => w.StartsWith("No resources to monitor were found by tags Project=shop, Environment=prod", StringComparison.Ordinal));
    }
}
