using WAOps.Engine.Alarms;
using WAOps.Engine.Monitoring;
using WAOps.Engine.Planning;
using Xunit;
using static WAOps.Engine.Tests.Dashboards.SampleResources;

namespace WAOps.Engine.Tests.Alarms;

public sealed class AlarmPlannerTests
{
    private static readonly AlarmPlanOptions Options = new()
    {
        Workload = "shop-prod",
        Tags = new[] { KeyValuePair.Create("ManagedBy", "WAOps") },
    };

    private static readonly IReadOnlyDictionary<string, double> Thresholds = new Dictionary<string, double>
    {
        ["AWS/SQS/ApproximateAgeOfOldestMessage"] = 300,
    };

    private static IReadOnlyList<MetricAlarmSpec> Wanted(IReadOnlyDictionary<string, double>? thresholds = null, params MonitoredResource[] resources) =>
        AlarmDesigner.Design(resources.Length > 0 ? resources : new[] { Queue("orders") }, "shop-prod", "WAOps", thresholds ?? Thresholds).Alarms;

    /// <summary>What DescribeAlarms would report after PutMetricAlarm with this operation.</summary>
    private static ExistingAlarm AsExisting(PutAlarmOperation put) => new()
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

    private static List<ExistingAlarm> Apply(IReadOnlyList<PlannedChange<AlarmOperation>> plan) =>
        plan.Where(c => c.IsWrite).Select(c => c.Operation).OfType<PutAlarmOperation>().Select(AsExisting).ToList();

    [Fact]
    public void CreatesAlarmsWithThresholdsAndReportsThoseThatNeedOne()
    {
        var plan = AlarmPlanner.Plan(Wanted(), Array.Empty<ExistingAlarm>(), Options);

        Assert.Equal(new[]
        {
            ("WAOps-shop-prod-sqs-orders-ApproximateAgeOfOldestMessage", ChangeAction.Create),
            ("WAOps-shop-prod-sqs-orders-ApproximateNumberOfMessagesNotVisible", ChangeAction.Skip),
            ("WAOps-shop-prod-sqs-orders-ApproximateNumberOfMessagesVisible", ChangeAction.Skip),
            ("WAOps-shop-prod-sqs-orders-NumberOfMessagesSent", ChangeAction.Create),
        }, plan.Select(c => (c.Target, c.Action)));
        Assert.All(plan, c => Assert.Equal("Alarm", c.Kind));

        var put = Assert.IsType<PutAlarmOperation>(plan[0].Operation);
        Assert.True(put.IsCreate);
        Assert.Equal(300, put.Alarm.Threshold);
        Assert.Equal(Options.Tags, put.Tags);
        Assert.Empty(put.AlarmActions);
        Assert.Contains("-AlarmThreshold", plan[0].Reason);

        Assert.Contains("Needs a threshold", plan[1].Reason);
        Assert.Contains("@{ 'AWS/SQS/ApproximateNumberOfMessagesNotVisible' = <value> }", plan[1].Reason);
        Assert.False(plan[1].IsWrite);
        Assert.Equal("NumberOfMessagesSent Sum <= 0 for 15 of 15 x 60 s, missing data: missing", plan[3].After);
    }

    [Fact]
    public void ARerunAfterApplyingChangesNothing()
    {
        var first = AlarmPlanner.Plan(Wanted(), Array.Empty<ExistingAlarm>(), Options);
        var rerun = AlarmPlanner.Plan(Wanted(), Apply(first), Options);
        Assert.Equal(new[] { ChangeAction.None, ChangeAction.Skip, ChangeAction.Skip, ChangeAction.None }, rerun.Select(c => c.Action));
        Assert.DoesNotContain(rerun, c => c.IsWrite);
    }

    [Fact]
    public void AChangedThresholdIsAnUpdateThatRetagsTheAlarm()
    {
        var existing = Apply(AlarmPlanner.Plan(Wanted(), Array.Empty<ExistingAlarm>(), Options));
        var plan = AlarmPlanner.Plan(Wanted(new Dictionary<string, double> { ["AWS/SQS/ApproximateAgeOfOldestMessage"] = 600 }), existing, Options);

        var update = plan.Single(c => c.Action == ChangeAction.Update);
        Assert.Equal("WAOps-shop-prod-sqs-orders-ApproximateAgeOfOldestMessage", update.Target);
        Assert.Equal("Changed: threshold.", update.Reason);
        Assert.Contains(">= 300", update.Before);
        Assert.Contains(">= 600", update.After);
        var put = Assert.IsType<PutAlarmOperation>(update.Operation);
        Assert.False(put.IsCreate);
        Assert.Equal(existing[0].Arn, put.ExistingArn);
    }

    [Fact]
    public void AnAlarmEditedInTheConsoleIsPutBackAndItsUnmanagedActionsAreKept()
    {
        var existing = Apply(AlarmPlanner.Plan(Wanted(), Array.Empty<ExistingAlarm>(), Options));
        existing[1] = existing[1] with
        {
            EvaluationPeriods = 3,
            DatapointsToAlarm = 2,
            TreatMissingData = null,
            AlarmActions = new[] { "arn:aws:sns:eu-west-1:123456789012:pager" },
            InsufficientDataActions = new[] { "arn:aws:sns:eu-west-1:123456789012:data" },
        };
        var update = AlarmPlanner.Plan(Wanted(), existing, Options).Single(c => c.Action == ChangeAction.Update);
        Assert.Equal("Changed: evaluation periods, datapoints to alarm.", update.Reason);
        var put = Assert.IsType<PutAlarmOperation>(update.Operation);
        Assert.Equal(new[] { "arn:aws:sns:eu-west-1:123456789012:pager" }, put.AlarmActions);
        Assert.Equal(new[] { "arn:aws:sns:eu-west-1:123456789012:data" }, put.InsufficientDataActions);
    }

    [Fact]
    public void ATopicManagesAlarmAndOkActionsInItsRegionOnly()
    {
        const string Topic = "arn:aws:sns:eu-west-1:123456789012:alerts";
        var options = Options with { TopicsByRegion = new Dictionary<string, IReadOnlyList<string>> { ["eu-west-1"] = new[] { Topic } } };
        var wanted = Wanted(new Dictionary<string, double> { ["AWS/CloudFront/5xxErrorRate"] = 5 }, Queue("orders"), Distribution("E1"));
        var created = AlarmPlanner.Plan(wanted, Array.Empty<ExistingAlarm>(), options);
        var sqs = Assert.IsType<PutAlarmOperation>(created.Single(c => c.Target.EndsWith("NumberOfMessagesSent", StringComparison.Ordinal)).Operation);
        Assert.Equal(new[] { Topic }, sqs.AlarmActions);
        Assert.Equal(new[] { Topic }, sqs.OKActions);
        var cloudFront = Assert.IsType<PutAlarmOperation>(created.First(c => c.Target.Contains("cloudfront", StringComparison.Ordinal) && c.IsWrite).Operation);
        Assert.Empty(cloudFront.AlarmActions);

        // Alarms made without the topic get it as their actions; once they have it, nothing changes.
        var existing = Apply(AlarmPlanner.Plan(wanted, Array.Empty<ExistingAlarm>(), Options));
        var plan = AlarmPlanner.Plan(wanted, existing, options);
        var update = Assert.Single(plan, c => c.Action == ChangeAction.Update);
        Assert.Equal("Changed: actions.", update.Reason);
        var updated = AsExisting(Assert.IsType<PutAlarmOperation>(update.Operation));
        var after = existing.Select(e => e.Name == updated.Name ? updated : e).ToList();
        Assert.DoesNotContain(AlarmPlanner.Plan(wanted, after, options), c => c.IsWrite);
    }

    [Fact]
    public void AThresholdAwsLeavesToTheUserIsKeptFromTheExistingAlarm()
    {
        var set = Wanted(new Dictionary<string, double> { ["AWS/SQS/ApproximateAgeOfOldestMessage"] = 300, ["AWS/SQS/ApproximateNumberOfMessagesVisible"] = 1000 });
        var existing = Apply(AlarmPlanner.Plan(set, Array.Empty<ExistingAlarm>(), Options));

        var rerun = AlarmPlanner.Plan(Wanted(new Dictionary<string, double>()), existing, Options);
        var kept = rerun.Where(c => c.Action == ChangeAction.None).ToList();
        Assert.Equal(3, kept.Count);
        Assert.Contains(kept, c => c.Target.EndsWith("ApproximateNumberOfMessagesVisible", StringComparison.Ordinal) && c.Reason.Contains("threshold kept", StringComparison.Ordinal));
        Assert.Single(rerun, c => c.Action == ChangeAction.Skip);
        Assert.Equal(ThresholdSource.Kept, Assert.IsType<PutAlarmOperation>(kept.Single(c => c.Target.EndsWith("Visible", StringComparison.Ordinal)).Operation).Alarm.ThresholdSource);
    }

    [Fact]
    public void AlarmsOfAResourceThatLeftTheWorkloadAreReportedOrPruned()
    {
        var existing = Apply(AlarmPlanner.Plan(Wanted(null, Queue("orders"), Queue("legacy")), Array.Empty<ExistingAlarm>(), Options));
        Assert.Equal(4, existing.Count);

        var kept = AlarmPlanner.Plan(Wanted(), existing, Options);
        var extras = kept.Where(c => c.Target.Contains("legacy", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, extras.Count);
        Assert.All(extras, c => Assert.Equal((ChangeAction.Skip, AlarmPlanner.ExtraReason), (c.Action, c.Reason)));

        var pruned = AlarmPlanner.Plan(Wanted(), existing, Options with { Prune = true });
        var deletes = pruned.Where(c => c.Action == ChangeAction.Delete).ToList();
        Assert.Equal(extras.Select(e => e.Target), deletes.Select(d => d.Target));
        Assert.Equal(deletes.Count, pruned.TakeLast(2).Count(c => c.Action == ChangeAction.Delete));
        var delete = Assert.IsType<DeleteAlarmOperation>(deletes[0].Operation);
        Assert.Equal(("eu-west-1", existing.Single(e => e.Name == delete.Name).Arn), (delete.Region, delete.Arn));
    }

    [Fact]
    public void AlarmsOfOtherWorkloadsAndUnmarkedAlarmsAreNeverPruned()
    {
        var neighbour = Apply(AlarmPlanner.Plan(AlarmDesigner.Design(new[] { Queue("x") }, "shop-prod-eu", "WAOps", Thresholds).Alarms, Array.Empty<ExistingAlarm>(),
            Options with { Workload = "shop-prod-eu" }));
        Assert.All(neighbour, a => Assert.StartsWith("WAOps-shop-prod-", a.Name, StringComparison.Ordinal));
        var unmarked = new ExistingAlarm { Name = "WAOps-shop-prod-sqs-handmade-Errors", Arn = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:x", Region = "eu-west-1", Description = "made by hand" };

        var plan = AlarmPlanner.Plan(Wanted(), neighbour.Append(unmarked).ToList(), Options with { Prune = true });
        Assert.DoesNotContain(plan, c => c.Action == ChangeAction.Delete);
        Assert.DoesNotContain(plan, c => c.Target.Contains("handmade", StringComparison.Ordinal) || c.Target.Contains("-eu-", StringComparison.Ordinal));
    }

    [Fact]
    public void PercentileAlarmsCompareTheExtendedStatistic()
    {
        var wanted = Wanted(new Dictionary<string, double> { ["AWS/Lambda/Duration"] = 3000 }, Lambda("f")).Where(a => a.MetricName == "Duration").ToList();
        var existing = Apply(AlarmPlanner.Plan(wanted, Array.Empty<ExistingAlarm>(), Options));
        Assert.Equal("p90", existing[0].ExtendedStatistic);
        Assert.Equal(ChangeAction.None, Assert.Single(AlarmPlanner.Plan(wanted, existing, Options)).Action);

        var asAverage = existing[0] with { ExtendedStatistic = null, Statistic = "Average" };
        Assert.Equal("Changed: statistic.", Assert.Single(AlarmPlanner.Plan(wanted, new[] { asAverage }, Options)).Reason);
    }
}
