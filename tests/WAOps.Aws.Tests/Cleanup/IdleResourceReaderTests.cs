using WAOps.Aws.Cleanup;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Cleanup;
using Xunit;

namespace WAOps.Aws.Tests.Cleanup;

/// <summary>Listing every kind against moto seeded with the idle scenario, and the collector that evaluates them. Read-only.</summary>
public sealed class IdleResourceReaderTests : IClassFixture<IdleResourceReaderTests.SeededMoto>
{
    public sealed class SeededMoto : MotoFixtureBase
    {
        private readonly Lazy<IdleScenario> _scenario;

        public SeededMoto() => _scenario = new Lazy<IdleScenario>(() => IdleScenario.Seed(Server));

        public IdleScenario Scenario => _scenario.Value;
    }

    private readonly IdleScenario _scenario;

    public IdleResourceReaderTests(SeededMoto fixture)
    {
        fixture.LogName = nameof(IdleResourceReaderTests);
        _scenario = fixture.Scenario;
    }

    [Fact]
    public async Task EveryKindIsListedWithWhatItsCriteriaNeed()
    {
        using var reader = _scenario.Reader();
        var resources = (await _scenario.ListAsync(reader)).ToDictionary(r => r.Id);

        var idle = Assert.IsType<Ec2InstanceResource>(resources[_scenario["instances", "idle"]]);
        Assert.True(idle.IsRunning);
        Assert.Equal("t3.micro", idle.InstanceType);
        Assert.Equal("idle-box", idle.Name);
        Assert.Equal($"arn:aws:ec2:us-east-1:123456789012:instance/{idle.Id}", idle.Arn);
        Assert.NotNull(idle.CreatedAt);
        var root = Assert.Single(idle.Volumes);
        Assert.True(root.DeleteOnTermination);
        Assert.NotNull(root.SizeGiB);   // volumes are listed too, so the instance's termination can be priced

        // moto writes the stop time as "User initiated (2026-11-25 21:58:16 UTC)"; AWS writes GMT. Both are read.
        var stopped = Assert.IsType<Ec2InstanceResource>(resources[_scenario["instances", "stopped"]]);
        Assert.True(stopped.IsStopped);
        Assert.NotNull(stopped.StoppedAt);
        Assert.True(DateTimeOffset.UtcNow - stopped.StoppedAt!.Value < TimeSpan.FromMinutes(10));

        Assert.Equal("available", Assert.IsType<EbsVolumeResource>(resources[_scenario["volumes", "idle"]]).State);
        Assert.Equal(new[] { _scenario["instances", "busy"] }, Assert.IsType<EbsVolumeResource>(resources[_scenario["volumes", "attached"]]).AttachedTo);

        var free = Assert.IsType<ElasticIpResource>(resources[_scenario["addresses", "free"]]);
        Assert.Null(free.AssociationId);
        var onStopped = Assert.IsType<ElasticIpResource>(resources[_scenario["addresses", "stopped"]]);
        Assert.Equal((_scenario["instances", "stopped"], "stopped"), (onStopped.InstanceId, onStopped.InstanceState));
        Assert.Equal("running", Assert.IsType<ElasticIpResource>(resources[_scenario["addresses", "running"]]).InstanceState);

        var nat = Assert.IsType<NatGatewayResource>(resources[_scenario["nat", "idle"]]);
        Assert.Equal("available", nat.State);
        Assert.Single(nat.AllocationIds);

        var balancers = resources.Values.OfType<LoadBalancerResource>().ToDictionary(b => b.Arn);
        var empty = balancers[_scenario["lb", "empty"]];
        Assert.Equal((0, 0, 0), (empty.TargetGroups, empty.RegisteredTargets, empty.HealthyTargets));
        var busy = balancers[_scenario["lb", "busy"]];
        Assert.Equal((1, 1, 1), (busy.TargetGroups, busy.RegisteredTargets, busy.HealthyTargets));
        Assert.Equal("application", busy.Type);
        Assert.Equal("dev", busy.Tags["Environment"]);
        Assert.StartsWith("app/waops-busy/", busy.MetricDimension);

        var database = Assert.IsType<DbInstanceResource>(resources[_scenario["db", "protected"]]);
        Assert.True(database.DeletionProtection);
        Assert.Equal(("db.t3.micro", "available", 20), (database.InstanceClass, database.Status, database.AllocatedStorageGiB));
        Assert.Equal("dev", database.Tags["Environment"]);

        Assert.Equal(new[] { _scenario["images", "used"] }, Assert.IsType<EbsSnapshotResource>(resources[_scenario["snapshots", "used"]]).UsedByImages);
        Assert.Empty(Assert.IsType<EbsSnapshotResource>(resources[_scenario["snapshots", "orphan"]]).UsedByImages);
        Assert.StartsWith("arn:aws:ec2:us-east-1::snapshot/", resources[_scenario["snapshots", "orphan"]].Arn);
    }

    [Fact]
    public async Task SnapshotsOfOtherAccountsAreNotListedThoughMotoReturnsThemForOwnerSelf()
    {
        // moto 5.2.1 deviation: DescribeSnapshots OwnerIds=self also returns the ~1,200 snapshots behind its built-in
        // public AMIs (OwnerId 801119661308). WAOps checks the owner again, as AWS would have filtered.
        var cli = _scenario.Cli("ec2", "describe-snapshots", "--owner-ids", "self", "--query", "length(Snapshots[?OwnerId!='123456789012'])");
        Assert.True(cli.GetInt32() > 100);

        using var reader = _scenario.Reader();
        var snapshots = (await _scenario.ListAsync(reader)).OfType<EbsSnapshotResource>().ToList();
        Assert.True(snapshots.Count < 10, $"{snapshots.Count} snapshots listed");
        Assert.Contains(snapshots, s => s.Id == _scenario["snapshots", "orphan"]);
    }

    [Fact]
    public async Task TargetHealthIsReadOnlyForLoadBalancersTheRunWants()
    {
        var observer = new RecordingObserver();
        using var reader = _scenario.Reader(observer);
        var resources = await reader.ListAsync(new HashSet<IdleResourceKind> { IdleResourceKind.LoadBalancer }, _ => false, null, f => throw f.Error, CancellationToken.None);

        Assert.Equal(3, resources.Count);
        Assert.All(resources.Cast<LoadBalancerResource>(), b => Assert.Null(b.HealthyTargets));
        Assert.DoesNotContain("DescribeTargetHealth", observer.Operations);
        Assert.DoesNotContain("DescribeTargetGroups", observer.Operations);
    }

    [Fact]
    public async Task TheCollectorEvaluatesOnlyTheRunsEnvironmentsWithBatchedMetrics()
    {
        var observer = new RecordingObserver();
        using var reader = _scenario.Reader(observer);
        var options = CleanupOptions.Validate(new CleanupRequest { Thresholds = new Dictionary<string, object?> { ["StoppedDays"] = 0, ["SnapshotAgeDays"] = 0 } });

        var collection = await IdleCleanupCollector.CollectAsync(reader, new CloudWatchClient(TestSessions.For(_scenario.Server, options: new() { Observer = observer })), options,
            DateTimeOffset.UtcNow, null, f => throw f.Error, CancellationToken.None);

        var verdicts = collection.Resources.Where(r => r.Verdict is not null).ToDictionary(r => r.Resource.Id, r => r.Verdict!);
        Assert.Equal(IdleStatus.Idle, verdicts[_scenario["instances", "idle"]].Status);
        Assert.Equal(IdleStatus.Active, verdicts[_scenario["instances", "busy"]].Status);
        Assert.Equal(IdleStatus.InsufficientData, verdicts[_scenario["instances", "nodata"]].Status);
        Assert.Equal(IdleStatus.Idle, verdicts[_scenario["instances", "stopped"]].Status);
        Assert.Equal(IdleStatus.Idle, verdicts[_scenario["instances", "keep"]].Status);                  // judged, the planner keeps it
        Assert.False(verdicts.ContainsKey(_scenario["instances", "prod"]));                            // never evaluated, no metric query
        Assert.False(verdicts.ContainsKey(_scenario["instances", "untagged"]));
        Assert.Equal(IdleStatus.Idle, verdicts[_scenario["volumes", "idle"]].Status);
        Assert.Equal(IdleStatus.Active, verdicts[_scenario["volumes", "attached"]].Status);
        Assert.Equal(IdleStatus.Idle, verdicts[_scenario["addresses", "free"]].Status);
        Assert.Equal(IdleStatus.Idle, verdicts[_scenario["addresses", "stopped"]].Status);
        Assert.Equal(IdleStatus.Active, verdicts[_scenario["addresses", "running"]].Status);
        Assert.Equal(IdleStatus.Idle, verdicts[_scenario["nat", "idle"]].Status);
        Assert.Equal(IdleStatus.Active, verdicts[_scenario["nat", "busy"]].Status);
        Assert.Equal(IdleStatus.Idle, verdicts[_scenario["db", "idle"]].Status);
        Assert.Equal(IdleStatus.Active, verdicts[_scenario["db", "busy"]].Status);
        Assert.Equal(IdleStatus.Idle, verdicts[_scenario["snapshots", "orphan"]].Status);
        Assert.Equal(IdleStatus.Active, verdicts[_scenario["snapshots", "used"]].Status);
        var balancers = collection.Resources.Where(r => r.Resource is LoadBalancerResource).ToDictionary(r => r.Resource.Arn, r => r.Verdict!);
        Assert.Equal(IdleStatus.Idle, balancers[_scenario["lb", "empty"]].Status);
        Assert.Equal(IdleStatus.Idle, balancers[_scenario["lb", "quiet"]].Status);
        Assert.Equal(IdleStatus.Active, balancers[_scenario["lb", "busy"]].Status);

        // 5 running dev instances x 3 metrics (the stopped one needs none), 2 NAT gateways x 2, 3 load balancers x 2 (requests
        // and bytes), 3 databases: windows of 14, 30 and 7 days (load balancers and RDS share the last), one call each.
        Assert.Equal(5 * 3 + 2 * 2 + 3 * 2 + 3, collection.MetricQueries);
        Assert.Equal(3, collection.GetMetricDataCalls);
        Assert.Equal(3, observer.Operations.Count(o => o == "GetMetricData"));
    }

    public static TheoryData<string> TargetHealthStates => new() { "initial", "healthy", "unhealthy", "unhealthy.draining", "unused", "draining", "unavailable" };

    [Theory]
    [MemberData(nameof(TargetHealthStates))]
    public async Task EveryTargetHealthStateIsReadAndNoneMakesALoadBalancerIdle(string state)
    {
        // moto answers every target healthy; AWS answers each of these states (unavailable is the default for Lambda
        // targets, whose health checks are off). A proxy rewrites moto's answers into AWS's shape for the state.
        using var proxy = new FaultInjectingProxy(_scenario.Server.Endpoint, FaultInjectingProxy.Always(InjectedFault.None))
        {
            RewriteAnswer = (request, body) => request.BodyText.Contains("Action=DescribeTargetHealth", StringComparison.Ordinal) ? AwsTargetHealth.Rewrite(body, state) : null,
        };
        var options = CleanupOptions.Validate(new CleanupRequest { Criteria = new[] { IdleCriterionNames.IdleLoadBalancer } });
        using var reader = new IdleResourceReader(TestSessions.For(proxy.Endpoint), TestCredentials.MotoAccountId);
        var collection = await IdleCleanupCollector.CollectAsync(reader, new CloudWatchClient(TestSessions.For(proxy.Endpoint)), options,
            DateTimeOffset.UtcNow, null, f => throw f.Error, CancellationToken.None);

        var balancers = collection.Resources.Where(r => r.Resource is LoadBalancerResource).ToDictionary(r => r.Resource.Arn);
        var busy = balancers[_scenario["lb", "busy"]];
        Assert.Equal(new Dictionary<string, int> { [state] = 1 }, ((LoadBalancerResource)busy.Resource).Targets!.States);
        Assert.Equal(IdleStatus.Active, busy.Verdict!.Status);
        Assert.Contains($"1 {state}", busy.Verdict.Evidence);
        Assert.Equal(IdleStatus.Idle, balancers[_scenario["lb", "quiet"]].Verdict!.Status);
        Assert.Equal(IdleStatus.Idle, balancers[_scenario["lb", "empty"]].Verdict!.Status);
        Assert.True(proxy.RequestCount > 0);
    }

    [Fact]
    public async Task DisabledAmisAreListedSoTheirSnapshotsAreNeverOrphans()
    {
        // AWS leaves disabled AMIs out of DescribeImages unless IncludeDisabled is set, and their snapshots are what
        // re-enabling them needs. moto 5.2.1 has no DisableImage, so the request is checked, beside the AWS CLI's.
        var requests = new System.Collections.Concurrent.ConcurrentBag<CapturedRequest>();
        using var proxy = new FaultInjectingProxy(_scenario.Server.Endpoint, (_, request) =>
        {
            requests.Add(request);
            return InjectedFault.None;
        });
        using var reader = new IdleResourceReader(TestSessions.For(proxy.Endpoint), TestCredentials.MotoAccountId);
        await reader.ListAsync(new HashSet<IdleResourceKind> { IdleResourceKind.EbsSnapshot }, _ => true, null, f => throw f.Error, CancellationToken.None);

        var images = Assert.Single(requests, r => r.BodyText.Contains("Action=DescribeImages", StringComparison.Ordinal));
        Assert.Contains("IncludeDisabled=true", images.BodyText);
        Assert.Contains("Owner.1=self", images.BodyText);
        var cli = ExternalTools.AwsCli(proxy.Endpoint, TestCredentials.Region, "ec2", "describe-images", "--owners", "self", "--include-disabled");
        Assert.NotNull(cli);
        Assert.Contains(requests, r => r.BodyText.Contains("Action=DescribeImages", StringComparison.Ordinal) && r != images && r.BodyText.Contains("IncludeDisabled=true", StringComparison.Ordinal));
    }
}
