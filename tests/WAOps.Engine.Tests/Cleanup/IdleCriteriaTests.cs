using WAOps.Engine.Cleanup;
using WAOps.Engine.Cleanup.Criteria;
using Xunit;
using static WAOps.Engine.Tests.Cleanup.CleanupFixtures;

namespace WAOps.Engine.Tests.Cleanup;

/// <summary>Each criterion: positive, negative, and what missing data means, with Trusted Advisor's defaults.</summary>
public sealed class IdleCriteriaTests
{
    private static readonly IdleThresholds Defaults = IdleThresholds.Default;

    [Fact]
    public void DefaultsAreTrustedAdvisors()
    {
        Assert.Equal(10, Defaults.CpuPercent);
        Assert.Equal(5, Defaults.NetworkMegabytes);
        Assert.Equal(4, Defaults.LowUtilizationDays);
        Assert.Equal(14, Defaults.LowUtilizationLookbackDays);
        Assert.Equal(100, Defaults.LoadBalancerRequestsPerDay);
        Assert.Equal(7, Defaults.LoadBalancerLookbackDays);
        Assert.Equal(7, Defaults.DatabaseLookbackDays);
        Assert.Equal(0, Defaults.DatabaseConnections);
        Assert.Equal(30, Defaults.NatGatewayLookbackDays);
    }

    // Low-utilization EC2 -----------------------------------------------------------------------------------------

    [Fact]
    public void LowUtilizationAsksForCpuAndNetworkDailyOverFourteenDaysOfRunningInstancesOnly()
    {
        var criterion = new LowUtilizationInstanceCriterion(Defaults);
        var queries = criterion.MetricsFor(Instance());
        Assert.Equal(new[] { "AWS/EC2 CPUUtilization Average", "AWS/EC2 NetworkIn Sum", "AWS/EC2 NetworkOut Sum" }, queries.Select(q => $"{q.Namespace} {q.MetricName} {q.Statistic}"));
        Assert.All(queries, q => Assert.Equal(14, q.LookbackDays));
        Assert.All(queries, q => Assert.Equal(KeyValuePair.Create("InstanceId", "i-0aaa"), Assert.Single(q.Dimensions)));
        Assert.Empty(criterion.MetricsFor(Instance(state: "stopped")));
        Assert.Equal(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero), queries[0].WindowStart(Now));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), MetricQuery.WindowEnd(Now));
    }

    [Fact]
    public void AnInstanceLowOnFourOfFourteenDaysIsIdle()
    {
        var criterion = new LowUtilizationInstanceCriterion(Defaults);
        var instance = Instance();
        double?[] cpu = { 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 3, 2, 9.9, 10 };
        var metrics = Metrics(criterion, instance, q => q.Key == LowUtilizationInstanceCriterion.CpuKey ? cpu : Repeat(1_000_000, 14));

        var verdict = criterion.Evaluate(instance, metrics, Now);

        Assert.Equal(IdleStatus.Idle, verdict.Status);
        Assert.Contains("on 4 of 14 days (needs 4)", verdict.Evidence);
        Assert.Contains("daily CPU up to 50%, network up to 2 MB", verdict.Evidence);
        Assert.Equal(3, verdict.Metrics.Count);
    }

    [Fact]
    public void HighNetworkMakesALowCpuDayBusy()
    {
        var criterion = new LowUtilizationInstanceCriterion(Defaults);
        var instance = Instance();
        // 2.5 MB in + 2.6 MB out = 5.1 MB > 5 MB on every day.
        var metrics = Metrics(criterion, instance, q => q.Key switch
        {
            LowUtilizationInstanceCriterion.CpuKey => Repeat(1, 14),
            LowUtilizationInstanceCriterion.NetworkInKey => Repeat(2_500_000, 14),
            _ => Repeat(2_600_000, 14),
        });

        var verdict = criterion.Evaluate(instance, metrics, Now);

        Assert.Equal(IdleStatus.Active, verdict.Status);
        Assert.Contains("on only 0 of 14 days", verdict.Evidence);
    }

    [Fact]
    public void MissingDaysAreNotZeroAndCanLeaveTheVerdictOpen()
    {
        var criterion = new LowUtilizationInstanceCriterion(Defaults);
        var instance = Instance();
        // Two low days with data, twelve days without: the missing days could hold two more low days.
        var sparse = new double?[] { null, null, null, null, null, null, null, null, null, null, null, null, 1, 1 };
        var verdict = criterion.Evaluate(instance, Metrics(criterion, instance, _ => sparse), Now);
        Assert.Equal(IdleStatus.InsufficientData, verdict.Status);
        Assert.Contains("12 of 14 days have no datapoints (absent, not zero)", verdict.Evidence);

        // No data at all (an instance that was stopped the whole time) is never idle by this criterion.
        var none = criterion.Evaluate(instance, Metrics(criterion, instance, _ => Repeat(null, 14)), Now);
        Assert.Equal(IdleStatus.InsufficientData, none.Status);
        Assert.Contains("no day with CPU and network datapoints", none.Evidence);

        // A day with CPU but no network datapoint is not judged.
        var noNetwork = criterion.Evaluate(instance, Metrics(criterion, instance, q => q.Key == LowUtilizationInstanceCriterion.CpuKey ? Repeat(1, 14) : Repeat(null, 14)), Now);
        Assert.Equal(IdleStatus.InsufficientData, noNetwork.Status);

        // Metrics not read at all: insufficient data, never idle.
        Assert.Equal(IdleStatus.InsufficientData, criterion.Evaluate(instance, MetricSet.Empty, Now).Status);
    }

    [Fact]
    public void BusyDaysWithTooFewMissingToMatterAreActive()
    {
        var criterion = new LowUtilizationInstanceCriterion(Defaults);
        var instance = Instance();
        var cpu = new double?[] { null, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 1, 1 };
        var verdict = criterion.Evaluate(instance, Metrics(criterion, instance, q => q.Key == LowUtilizationInstanceCriterion.CpuKey ? cpu : Repeat(10, 14)), Now);
        Assert.Equal(IdleStatus.Active, verdict.Status);
    }

    [Fact]
    public void LowUtilizationThresholdsCanBeChanged()
    {
        var criterion = new LowUtilizationInstanceCriterion(Defaults with { CpuPercent = 2, LowUtilizationDays = 14 });
        var instance = Instance();
        var verdict = criterion.Evaluate(instance, Metrics(criterion, instance, q => q.Key == LowUtilizationInstanceCriterion.CpuKey ? Repeat(3, 14) : Repeat(10, 14)), Now);
        Assert.Equal(IdleStatus.Active, verdict.Status);
        Assert.Contains("CPU ≤ 2%", verdict.Evidence);
        Assert.Equal(IdleStatus.NotApplicable, criterion.Evaluate(Instance(state: "stopped"), MetricSet.Empty, Now).Status);
    }

    [Fact]
    public void AutoScalingGroupMembersAreLeftToTheirGroup()
    {
        var tags = Dev(("aws:autoscaling:groupName", "web-asg"));
        var low = new LowUtilizationInstanceCriterion(Defaults);
        var member = Instance(tags: tags);
        Assert.Empty(low.MetricsFor(member));
        var verdict = low.Evaluate(member, MetricSet.Empty, Now);
        Assert.Equal(IdleStatus.NotApplicable, verdict.Status);
        Assert.Contains("Auto Scaling group web-asg", verdict.Evidence);
        Assert.Equal(IdleStatus.NotApplicable, new StoppedInstanceCriterion(Defaults).Evaluate(Instance(tags: tags, state: "stopped", stoppedAt: Now.AddDays(-90)), MetricSet.Empty, Now).Status);
    }

    [Theory]
    [InlineData("aws:ec2:fleet-id", "fleet-0a1b", "EC2 Fleet fleet-0a1b")]
    [InlineData("aws:ec2spot:fleet-request-id", "sfr-1234", "Spot Fleet sfr-1234")]
    [InlineData("aws:elasticmapreduce:job-flow-id", "j-2AXXXXXXGAPLF", "EMR cluster j-2AXXXXXXGAPLF")]
    [InlineData("elasticbeanstalk:environment-id", "e-abcdef", "Elastic Beanstalk environment e-abcdef")]
    [InlineData("karpenter.sh/nodepool", "default", "Karpenter node pool default")]
    public void InstancesOtherServicesManageAreLeftToThem(string key, string value, string manager)
    {
        // AWS services tag the instances they launch; moto never does, so only these tests see such instances.
        var tags = Dev((key, value));
        var low = new LowUtilizationInstanceCriterion(Defaults);
        Assert.Empty(low.MetricsFor(Instance(tags: tags)));
        Assert.Contains(manager, low.Evaluate(Instance(tags: tags), MetricSet.Empty, Now).Evidence);
        var stopped = new StoppedInstanceCriterion(Defaults).Evaluate(Instance(tags: tags, state: "stopped", stoppedAt: Now.AddDays(-90)), MetricSet.Empty, Now);
        Assert.Equal(IdleStatus.NotApplicable, stopped.Status);
        Assert.Contains(manager, stopped.Evidence);
    }

    // Stopped EC2 --------------------------------------------------------------------------------------------------

    [Fact]
    public void AnInstanceStoppedLongerThanTheThresholdIsIdle()
    {
        var criterion = new StoppedInstanceCriterion(Defaults);
        var idle = criterion.Evaluate(Instance(state: "stopped", stoppedAt: Now.AddDays(-31)), MetricSet.Empty, Now);
        Assert.Equal(IdleStatus.Idle, idle.Status);
        Assert.Contains("stopped since 2026-10-25 21:30 UTC (31 days; threshold 30)", idle.Evidence);

        Assert.Equal(IdleStatus.Active, criterion.Evaluate(Instance(state: "stopped", stoppedAt: Now.AddDays(-3)), MetricSet.Empty, Now).Status);
        Assert.Equal(IdleStatus.InsufficientData, criterion.Evaluate(Instance(state: "stopped", stoppedAt: null), MetricSet.Empty, Now).Status);
        Assert.Equal(IdleStatus.NotApplicable, criterion.Evaluate(Instance(state: "running"), MetricSet.Empty, Now).Status);
        Assert.Equal(IdleStatus.Idle, new StoppedInstanceCriterion(Defaults with { StoppedDays = 2 }).Evaluate(Instance(state: "stopped", stoppedAt: Now.AddDays(-3)), MetricSet.Empty, Now).Status);
    }

    // EBS volumes ---------------------------------------------------------------------------------------------------

    [Fact]
    public void AnUnattachedVolumeIsIdleAndAnAttachedOneIsNot()
    {
        var criterion = new UnattachedVolumeCriterion();
        Assert.Equal(IdleStatus.Idle, criterion.Evaluate(Volume(), MetricSet.Empty, Now).Status);
        var attached = criterion.Evaluate(Volume(state: "in-use", attachedTo: "i-0bbb"), MetricSet.Empty, Now);
        Assert.Equal(IdleStatus.Active, attached.Status);
        Assert.Contains("i-0bbb", attached.Evidence);
        Assert.Equal(IdleStatus.NotApplicable, criterion.Evaluate(Volume(state: "creating"), MetricSet.Empty, Now).Status);
    }

    // Elastic IPs ---------------------------------------------------------------------------------------------------

    [Fact]
    public void AnElasticIpNotOnARunningInstanceIsIdle()
    {
        var criterion = new UnassociatedElasticIpCriterion();
        Assert.Equal(IdleStatus.Idle, criterion.Evaluate(Address(), MetricSet.Empty, Now).Status);
        Assert.Equal(IdleStatus.Idle, criterion.Evaluate(Address(association: "eipassoc-1", instance: "i-0bbb", eni: "eni-1", instanceState: "stopped"), MetricSet.Empty, Now).Status);
        Assert.Equal(IdleStatus.Active, criterion.Evaluate(Address(association: "eipassoc-1", instance: "i-0bbb", eni: "eni-1", instanceState: "running"), MetricSet.Empty, Now).Status);
        Assert.Equal(IdleStatus.Idle, criterion.Evaluate(Address(association: "eipassoc-1", instance: "i-0bbb", eni: "eni-1", instanceState: "shutting-down"), MetricSet.Empty, Now).Status);
        Assert.Equal(IdleStatus.Idle, criterion.Evaluate(Address(association: "eipassoc-1", instance: "i-0bbb", eni: "eni-1", instanceState: "terminated"), MetricSet.Empty, Now).Status);
        var nat = criterion.Evaluate(Address(association: "eipassoc-2", eni: "eni-nat"), MetricSet.Empty, Now);
        Assert.Equal(IdleStatus.Active, nat.Status);
        Assert.Contains("NAT gateway", nat.Evidence);
        Assert.Equal(IdleStatus.InsufficientData, criterion.Evaluate(Address(association: "eipassoc-3", instance: "i-0ccc", eni: "eni-3"), MetricSet.Empty, Now).Status);
    }

    [Theory]
    [InlineData("stopping")]
    [InlineData("a-state-added-later")]
    public void AnElasticIpOnAnInstanceInTransitionIsNotIdle(string state)
    {
        // A stop and start keeps the address; an instance caught stopping must not lose it.
        var verdict = new UnassociatedElasticIpCriterion().Evaluate(Address(association: "eipassoc-1", instance: "i-0bbb", eni: "eni-1", instanceState: state), MetricSet.Empty, Now);
        Assert.Equal(IdleStatus.InsufficientData, verdict.Status);
        Assert.Contains($"which is {state}", verdict.Evidence);
    }

    [Fact]
    public void AnElasticIpAServiceManagesIsLeftToIt()
    {
        var managed = new ElasticIpResource("eipalloc-0alb", $"arn:aws:ec2:{Region}:{Account}:elastic-ip/eipalloc-0alb", Region, Dev(), "203.0.113.20", null, null, null, null, "alb");
        var verdict = new UnassociatedElasticIpCriterion().Evaluate(managed, MetricSet.Empty, Now);
        Assert.Equal(IdleStatus.NotApplicable, verdict.Status);
        Assert.Contains("managed by the alb service", verdict.Evidence);
    }

    // NAT gateways --------------------------------------------------------------------------------------------------

    [Fact]
    public void ANatGatewayWithZeroBytesEveryDayForThirtyDaysIsIdle()
    {
        var criterion = new IdleNatGatewayCriterion(Defaults);
        var nat = Nat();
        var queries = criterion.MetricsFor(nat);
        Assert.Equal(new[] { "BytesInFromSource", "BytesInFromDestination" }, queries.Select(q => q.MetricName));
        Assert.All(queries, q => Assert.Equal(30, q.LookbackDays));

        Assert.Equal(IdleStatus.Idle, criterion.Evaluate(nat, Metrics(criterion, nat, _ => Repeat(0, 30)), Now).Status);
        var busy = criterion.Evaluate(nat, Metrics(criterion, nat, q => q.Key == IdleNatGatewayCriterion.FromSourceKey ? Repeat(0, 29).Append(2_500_000).ToArray() : Repeat(0, 30)), Now);
        Assert.Equal(IdleStatus.Active, busy.Status);
        Assert.Contains("2.5 MB processed", busy.Evidence);
    }

    [Fact]
    public void ANatGatewayWithMissingDaysOrYoungerThanTheWindowIsNotIdle()
    {
        var criterion = new IdleNatGatewayCriterion(Defaults);
        var nat = Nat();
        var gaps = criterion.Evaluate(nat, Metrics(criterion, nat, _ => Repeat(0, 20).Concat(Repeat(null, 10)).ToArray()), Now);
        Assert.Equal(IdleStatus.InsufficientData, gaps.Status);
        Assert.Contains("only 20 of 30 days", gaps.Evidence);
        Assert.Equal(IdleStatus.InsufficientData, criterion.Evaluate(nat, Metrics(criterion, nat, _ => Repeat(null, 30)), Now).Status);
        // A gateway younger than the window cannot have a datapoint on every day of it.
        var young = Nat(created: Now.AddDays(-10));
        Assert.Equal(IdleStatus.InsufficientData, criterion.Evaluate(young, Metrics(criterion, young, _ => Repeat(null, 20).Concat(Repeat(0, 10)).ToArray()), Now).Status);
        Assert.Equal(IdleStatus.NotApplicable, criterion.Evaluate(Nat(state: "pending"), MetricSet.Empty, Now).Status);
    }

    // Load balancers ------------------------------------------------------------------------------------------------

    public static TheoryData<string> TargetHealthStates => new() { "initial", "healthy", "unhealthy", "unhealthy.draining", "unused", "draining", "unavailable" };

    [Theory]
    [MemberData(nameof(TargetHealthStates))]
    public void TargetHealthNeverDecidesALoadBalancerTrafficDoes(string state)
    {
        // Lambda targets are unavailable by default (health checks off); initial, draining and unused targets come and
        // go with deployments. None of them says the load balancer is idle, whatever the number of targets.
        var criterion = new IdleLoadBalancerCriterion(Defaults);
        foreach (var targets in new[] { new[] { state }, new[] { state, state, state }, Array.Empty<string>() })
        {
            var balancer = Balancer(targets: targets);
            Assert.Equal(2, criterion.MetricsFor(balancer).Count);

            var serving = criterion.Evaluate(balancer, Metrics(criterion, balancer, q => q.Key == IdleLoadBalancerCriterion.RequestsKey ? Repeat(5_000, 7) : Repeat(2e7, 7)), Now);
            Assert.Equal(IdleStatus.Active, serving.Status);
            Assert.Contains("5000 requests on", serving.Evidence);
            if (targets.Length > 0)
            {
                Assert.Contains($"{targets.Length} {state}", serving.Evidence);
            }

            Assert.Equal(IdleStatus.InsufficientData, criterion.Evaluate(balancer, MetricSet.Empty, Now).Status);
            Assert.Equal(IdleStatus.Idle, criterion.Evaluate(balancer, Metrics(criterion, balancer, _ => Repeat(null, 7)), Now).Status);
        }
    }

    [Fact]
    public void ALoadBalancerWithFewerThanAHundredRequestsAndFiveMegabytesEveryDayIsIdleAndMissingDaysCountAsZero()
    {
        var criterion = new IdleLoadBalancerCriterion(Defaults);
        var balancer = Balancer();
        var queries = criterion.MetricsFor(balancer);
        Assert.Equal(new[] { "AWS/ApplicationELB RequestCount Sum", "AWS/ApplicationELB ProcessedBytes Sum" }, queries.Select(q => $"{q.Namespace} {q.MetricName} {q.Statistic}"));
        Assert.All(queries, q => Assert.Equal(KeyValuePair.Create("LoadBalancer", "app/web/50dc6c495c0c9188"), Assert.Single(q.Dimensions)));
        Assert.All(queries, q => Assert.Equal(7, q.LookbackDays));

        double?[] Quiet(MetricQuery q) => q.Key == IdleLoadBalancerCriterion.RequestsKey ? new double?[] { 99, null, null, 12, null, null, null } : new double?[] { 4_000_000, null, null, null, null, null, 1 };
        var quiet = criterion.Evaluate(balancer, Metrics(criterion, balancer, Quiet), Now);
        Assert.Equal(IdleStatus.Idle, quiet.Status);
        Assert.Contains("at most 99 requests, at most 4 MB processed", quiet.Evidence);
        Assert.Contains("days without a datapoint count as 0", quiet.Evidence);
        Assert.Equal(2, quiet.Metrics.Count);

        var busy = criterion.Evaluate(balancer, Metrics(criterion, balancer, q => q.Key == IdleLoadBalancerCriterion.RequestsKey ? new double?[] { 5, 5, 100, 5, 5, 5, 5 } : Repeat(0, 7)), Now);
        Assert.Equal(IdleStatus.Active, busy.Status);

        // Few requests but many bytes (WebSocket connections, large downloads): in use.
        var streaming = criterion.Evaluate(balancer, Metrics(criterion, balancer, q => q.Key == IdleLoadBalancerCriterion.RequestsKey ? Repeat(3, 7) : new double?[] { 0, 0, 0, 0, 0, 0, 5_000_000 }), Now);
        Assert.Equal(IdleStatus.Active, streaming.Status);
        Assert.Contains("5 MB processed", streaming.Evidence);

        // One of the metrics not read: never idle.
        var half = new MetricSet(new[] { Daily(queries[0], Repeat(0, 7)) });
        Assert.Equal(IdleStatus.InsufficientData, criterion.Evaluate(balancer, half, Now).Status);
    }

    [Fact]
    public void ALoadBalancerYoungerThanTheWindowOrOfUnknownAgeIsJudgedOnlyWhenEveryDayHasData()
    {
        var criterion = new IdleLoadBalancerCriterion(Defaults);
        var young = Balancer(created: Now.AddDays(-2));
        Assert.Equal(IdleStatus.InsufficientData, criterion.Evaluate(young, Metrics(criterion, young, _ => new double?[] { null, null, null, null, null, 3, 4 }), Now).Status);
        Assert.Equal(IdleStatus.Idle, criterion.Evaluate(young, Metrics(criterion, young, _ => Repeat(1, 7)), Now).Status);
        // Every day of one metric is not enough when the other misses days.
        Assert.Equal(IdleStatus.InsufficientData,
            criterion.Evaluate(young, Metrics(criterion, young, q => q.Key == IdleLoadBalancerCriterion.RequestsKey ? Repeat(1, 7) : new double?[] { null, 1, 1, 1, 1, 1, 1 }), Now).Status);

        var unknownAge = new LoadBalancerResource("web", young.Arn, young.Region, young.Tags, null, "application", "active", young.Targets);
        var verdict = criterion.Evaluate(unknownAge, Metrics(criterion, unknownAge, _ => Repeat(null, 7)), Now);
        Assert.Equal(IdleStatus.InsufficientData, verdict.Status);
        Assert.Contains("creation time is unknown", verdict.Evidence);

        // Target health not read (outside the run's environments): judged by traffic like any other.
        var unread = Balancer(targetsRead: false);
        Assert.Equal(2, criterion.MetricsFor(unread).Count);
        Assert.Equal(IdleStatus.Idle, criterion.Evaluate(unread, Metrics(criterion, unread, _ => Repeat(0, 7)), Now).Status);
    }

    [Theory]
    [InlineData("network", "AWS/NetworkELB", "net/web/50dc6c495c0c9188")]
    [InlineData("gateway", "AWS/GatewayELB", "gwy/web/50dc6c495c0c9188")]
    public void NetworkAndGatewayLoadBalancersAreJudgedByNewFlowsOpenFlowsAndBytes(string type, string ns, string dimension)
    {
        var criterion = new IdleLoadBalancerCriterion(Defaults);
        var balancer = Balancer(type: type, targets: new[] { "unavailable" });
        var queries = criterion.MetricsFor(balancer);
        Assert.Equal(new[] { $"{ns} NewFlowCount Sum", $"{ns} ActiveFlowCount Maximum", $"{ns} ProcessedBytes Sum" }, queries.Select(q => $"{q.Namespace} {q.MetricName} {q.Statistic}"));
        Assert.All(queries, q => Assert.Equal(dimension, q.Dimensions[0].Value));

        Assert.Equal(IdleStatus.Idle, criterion.Evaluate(balancer, Metrics(criterion, balancer, _ => Repeat(0, 7)), Now).Status);
        // One long-lived connection opens no new flow and moves few bytes, but it is open: in use.
        var held = criterion.Evaluate(balancer, Metrics(criterion, balancer, q => q.Key == IdleLoadBalancerCriterion.ActiveFlowsKey ? new double?[] { null, null, 1, 1, 1, 1, 1 } : Repeat(0, 7)), Now);
        Assert.Equal(IdleStatus.Active, held.Status);
        Assert.Contains("1 open flow(s) at once", held.Evidence);
        Assert.Equal(IdleStatus.Active, criterion.Evaluate(balancer, Metrics(criterion, balancer, q => q.Key == IdleLoadBalancerCriterion.RequestsKey ? Repeat(150, 7) : Repeat(0, 7)), Now).Status);
    }

    [Fact]
    public void LoadBalancersNotActiveOrOfAnUnknownTypeAreNeverIdle()
    {
        var criterion = new IdleLoadBalancerCriterion(Defaults);
        Assert.Equal(IdleStatus.NotApplicable, criterion.Evaluate(Balancer(state: "provisioning"), MetricSet.Empty, Now).Status);
        Assert.Equal(IdleStatus.NotApplicable, criterion.Evaluate(Balancer(state: "failed"), MetricSet.Empty, Now).Status);
        var other = Balancer(type: "classic");
        Assert.Empty(criterion.MetricsFor(other));
        Assert.Equal(IdleStatus.InsufficientData, criterion.Evaluate(other, MetricSet.Empty, Now).Status);
    }

    // RDS -----------------------------------------------------------------------------------------------------------

    [Fact]
    public void ADatabaseWithoutConnectionsOnEachOfSevenDaysIsIdle()
    {
        var criterion = new IdleDatabaseCriterion(Defaults);
        var database = Database();
        var query = Assert.Single(criterion.MetricsFor(database));
        Assert.Equal("AWS/RDS DatabaseConnections Maximum", $"{query.Namespace} {query.MetricName} {query.Statistic}");

        Assert.Equal(IdleStatus.Idle, criterion.Evaluate(database, Metrics(criterion, database, _ => Repeat(0, 7)), Now).Status);
        var used = criterion.Evaluate(database, Metrics(criterion, database, _ => new double?[] { 0, 0, 0, 3, 0, 0, 0 }), Now);
        Assert.Equal(IdleStatus.Active, used.Status);
        Assert.Contains("up to 3 connection(s)", used.Evidence);
        var gaps = criterion.Evaluate(database, Metrics(criterion, database, _ => new double?[] { 0, 0, null, 0, 0, 0, 0 }), Now);
        Assert.Equal(IdleStatus.InsufficientData, gaps.Status);
        Assert.Contains("known for 6 of 7 days", gaps.Evidence);
    }

    [Fact]
    public void ClusterMembersReplicasAndStoppedDatabasesAreNotJudged()
    {
        var criterion = new IdleDatabaseCriterion(Defaults);
        foreach (var database in new[] { Database(cluster: "aurora-1"), Database(replica: true), Database(hasReplicas: true), Database(status: "stopped") })
        {
            Assert.Empty(criterion.MetricsFor(database));
            Assert.Equal(IdleStatus.NotApplicable, criterion.Evaluate(database, MetricSet.Empty, Now).Status);
        }
    }

    // Snapshots -----------------------------------------------------------------------------------------------------

    [Fact]
    public void AnOldSnapshotNoAmiUsesIsIdle()
    {
        var criterion = new OrphanedSnapshotCriterion(Defaults);
        Assert.Equal(IdleStatus.Idle, criterion.Evaluate(Snapshot(ageDays: 91), MetricSet.Empty, Now).Status);
        var used = criterion.Evaluate(Snapshot(usedBy: "ami-0abc"), MetricSet.Empty, Now);
        Assert.Equal(IdleStatus.Active, used.Status);
        Assert.Contains("ami-0abc", used.Evidence);
        Assert.Equal(IdleStatus.Active, criterion.Evaluate(Snapshot(ageDays: 10), MetricSet.Empty, Now).Status);
        Assert.Equal(IdleStatus.NotApplicable, criterion.Evaluate(Snapshot(state: "pending"), MetricSet.Empty, Now).Status);
    }

    [Fact]
    public void SafetySnapshotsAndManagedSnapshotsAreNeverCandidates()
    {
        var criterion = new OrphanedSnapshotCriterion(Defaults);
        Assert.Equal(IdleStatus.NotApplicable, criterion.Evaluate(Snapshot(tags: Dev(("waops:backup-of", "vol-1"))), MetricSet.Empty, Now).Status);
        Assert.Equal(IdleStatus.NotApplicable, criterion.Evaluate(Snapshot(tags: Dev(("aws:backup:source-resource", "x"))), MetricSet.Empty, Now).Status);
        Assert.Equal(IdleStatus.NotApplicable, criterion.Evaluate(Snapshot(tags: Dev(("aws:dlm:lifecycle-policy-id", "policy-1"))), MetricSet.Empty, Now).Status);
    }

    // The evaluator -------------------------------------------------------------------------------------------------

    [Fact]
    public void TheEvaluatorCombinesTheCriteriaOfAKindAndSelectsByName()
    {
        var all = IdleEvaluator.Create(Defaults);
        Assert.Equal(7, all.Kinds.Count);
        var stopped = Instance(state: "stopped", stoppedAt: Now.AddDays(-40));
        var verdict = all.Evaluate(stopped, MetricSet.Empty, Now)!;
        Assert.Equal(IdleCriterionNames.StoppedInstance, verdict.Criterion);
        Assert.Equal(IdleStatus.Idle, verdict.Status);

        var running = Instance();
        Assert.Equal(3, all.MetricsFor(running).Count);
        Assert.Equal(IdleStatus.InsufficientData, all.Evaluate(running, MetricSet.Empty, Now)!.Status);

        var onlyVolumes = IdleEvaluator.Create(Defaults, new[] { "unattachedvolume" });
        Assert.Equal(new[] { IdleResourceKind.EbsVolume }, onlyVolumes.Kinds);
        Assert.Null(onlyVolumes.Evaluate(running, MetricSet.Empty, Now));
    }
}
