using System.Text.Json;
using WAOps.Aws.Appliers;
using WAOps.Aws.Cleanup;
using WAOps.Aws.Protocol;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Cleanup;
using WAOps.Engine.Planning;
using Xunit;

namespace WAOps.Aws.Tests.Cleanup;

/// <summary>
/// Each cleanup action against moto, read back with the AWS CLI: the snapshot exists (completed) while the volume or
/// database still exists, and only then is it deleted; protections and changes since the plan keep a resource; a
/// resource deleted meanwhile fails with AWS's NotFound error. Every test seeds the scenario afresh.
/// </summary>
public sealed class CleanupApplierTests : IClassFixture<MotoFixture>
{
    private static readonly Dictionary<string, object?> ZeroAges = new() { ["StoppedDays"] = 0, ["SnapshotAgeDays"] = 0 };

    private readonly MotoServer _moto;

    public CleanupApplierTests(MotoFixture fixture)
    {
        fixture.LogName = nameof(CleanupApplierTests);
        _moto = fixture.Server;
    }

    private sealed record Run(IdleScenario Scenario, CleanupPlan Plan, CleanupApplier Applier, IdleResourceReader Reader, RecordingObserver Observer) : IDisposable
    {
        public CleanupPlanItem Item(string id) => Plan.Items.Single(i => i.Resource.Id == id || i.Resource.Arn == id);

        public Task<ApplyResult> ApplyAsync(string id) => Applier.ApplyAsync(Item(id).Change!, CancellationToken.None);

        public void Dispose() => Reader.Dispose();
    }

    private async Task<Run> PlanAsync(CleanupLevel level, int grace = 0, bool markOnly = false, IdleScenario? scenario = null)
    {
        scenario ??= IdleScenario.Seed(_moto);
        var observer = new RecordingObserver();
        var options = CleanupOptions.Validate(new CleanupRequest { Level = level, GracePeriodDays = grace, MarkOnly = markOnly, MaxActions = 100, Thresholds = ZeroAges });
        var reader = scenario.Reader(observer);
        var now = DateTimeOffset.UtcNow;
        var collection = await IdleCleanupCollector.CollectAsync(reader, new CloudWatchClient(TestSessions.For(_moto)), options, now, null, f => throw f.Error, CancellationToken.None);
        var plan = CleanupPlanner.Plan(collection.Resources, options, now);
        return new Run(scenario, plan, new CleanupApplier(reader, options, delay: (_, _) => Task.CompletedTask), reader, observer);
    }

    private static bool Exists(IdleScenario scenario, params string[] describe)
    {
        try
        {
            scenario.Cli(describe);
            return true;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("NotFound", StringComparison.Ordinal))
        {
            return false;
        }
    }

    private static JsonElement[] BackupSnapshots(IdleScenario scenario, string of) =>
        scenario.Cli("ec2", "describe-snapshots", "--owner-ids", "self", "--filters", $"Name=tag:waops:backup-of,Values={of}").GetProperty("Snapshots").EnumerateArray().ToArray();

    private static Dictionary<string, string> TagsOf(JsonElement resource, string property = "Tags") =>
        resource.TryGetProperty(property, out var tags) ? tags.EnumerateArray().ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString()!) : new();

    [Fact]
    public async Task AVolumeIsDeletedOnlyAfterItsSnapshotIsCompleteAndReadableByTheAwsCli()
    {
        using var run = await PlanAsync(CleanupLevel.Delete);
        var volume = run.Scenario["volumes", "idle"];
        var seenBeforeDelete = new List<string>();
        run.Observer.OnCall = call =>
        {
            if (call.Operation == "DescribeSnapshots")
            {
                // The moment WAOps has seen its snapshot completed: the AWS CLI sees it too, and the volume is still there.
                var backup = Assert.Single(BackupSnapshots(run.Scenario, volume));
                seenBeforeDelete.Add($"{backup.GetProperty("State").GetString()} {Exists(run.Scenario, "ec2", "describe-volumes", "--volume-ids", volume)}");
            }
        };

        var outcome = await run.ApplyAsync(volume);

        Assert.True(outcome.Done);
        Assert.Equal(new[] { "completed True" }, seenBeforeDelete);
        var operations = run.Observer.Operations;
        Assert.True(operations.IndexOf("CreateSnapshot") < operations.LastIndexOf("DescribeSnapshots"));
        Assert.True(operations.LastIndexOf("DescribeSnapshots") < operations.IndexOf("DeleteVolume"));
        Assert.False(Exists(run.Scenario, "ec2", "describe-volumes", "--volume-ids", volume));
        var snapshot = Assert.Single(BackupSnapshots(run.Scenario, volume));
        Assert.Equal(snapshot.GetProperty("SnapshotId").GetString(), Assert.Single(outcome.Artifacts!));
        Assert.Equal(volume, snapshot.GetProperty("VolumeId").GetString());
        var tags = TagsOf(snapshot);
        Assert.Equal(("dev", "scratch"), (tags["Environment"], tags["Name"]));   // the volume's own tags come along
        Assert.Contains("completed before the volume was deleted", outcome.Note);
    }

    [Fact]
    public async Task ADatabaseIsDeletedOnlyAfterItsSnapshotIsAvailableAndReadableByTheAwsCli()
    {
        using var run = await PlanAsync(CleanupLevel.Delete);
        var database = run.Scenario["db", "idle"];
        var seenBeforeDelete = new List<string>();
        run.Observer.OnCall = call =>
        {
            if (call.Operation == "DescribeDBSnapshots")
            {
                var snapshots = run.Scenario.Cli("rds", "describe-db-snapshots", "--db-instance-identifier", database, "--snapshot-type", "manual").GetProperty("DBSnapshots");
                var status = string.Join(",", snapshots.EnumerateArray().Select(s => s.GetProperty("Status").GetString()));
                seenBeforeDelete.Add($"{status} {Exists(run.Scenario, "rds", "describe-db-instances", "--db-instance-identifier", database)}");
            }
        };

        var outcome = await run.ApplyAsync(database);

        Assert.True(outcome.Done);
        Assert.Equal(new[] { "available True" }, seenBeforeDelete);
        Assert.True(run.Observer.Operations.IndexOf("DescribeDBSnapshots") < run.Observer.Operations.IndexOf("DeleteDBInstance"));
        Assert.False(Exists(run.Scenario, "rds", "describe-db-instances", "--db-instance-identifier", database));
        var identifier = Assert.Single(outcome.Artifacts!);
        var snapshot = run.Scenario.Cli("rds", "describe-db-snapshots", "--db-snapshot-identifier", identifier).GetProperty("DBSnapshots")[0];
        Assert.Equal(("available", database), (snapshot.GetProperty("Status").GetString(), snapshot.GetProperty("DBInstanceIdentifier").GetString()));
        var tags = TagsOf(snapshot, "TagList");
        Assert.Equal((database, "dev"), (tags["waops:backup-of"], tags["Environment"]));
    }

    [Fact]
    public async Task ADatabaseIsSnapshottedThenStopped()
    {
        using var run = await PlanAsync(CleanupLevel.Stop);
        var database = run.Scenario["db", "idle"];

        var outcome = await run.ApplyAsync(database);

        Assert.True(outcome.Done);
        Assert.Contains("starts a stopped instance again after 7 days", outcome.Note);
        var instance = run.Scenario.Cli("rds", "describe-db-instances", "--db-instance-identifier", database).GetProperty("DBInstances")[0];
        Assert.Equal("stopped", instance.GetProperty("DBInstanceStatus").GetString());
        var snapshot = run.Scenario.Cli("rds", "describe-db-snapshots", "--db-snapshot-identifier", outcome.Artifacts![0]).GetProperty("DBSnapshots")[0];
        Assert.Equal("available", snapshot.GetProperty("Status").GetString());

        // A deletion-protected database can still be snapshotted and stopped (protection guards deletion only).
        var protectedOutcome = await run.ApplyAsync(run.Scenario["db", "protected"]);
        Assert.True(protectedOutcome.Done);
    }

    [Fact]
    public async Task DeletionProtectionTurnedOnSinceThePlanKeepsTheDatabaseAndTakesNoSnapshot()
    {
        using var run = await PlanAsync(CleanupLevel.Delete);
        var database = run.Scenario["db", "idle"];
        run.Scenario.Cli("rds", "modify-db-instance", "--db-instance-identifier", database, "--deletion-protection", "--apply-immediately");

        var outcome = await run.ApplyAsync(database);

        Assert.False(outcome.Done);
        Assert.Contains("deletion protection is on", outcome.Note);
        Assert.DoesNotContain("CreateDBSnapshot", run.Observer.Operations);
        Assert.True(Exists(run.Scenario, "rds", "describe-db-instances", "--db-instance-identifier", database));
    }

    [Fact]
    public async Task InstancesAreStoppedOrTerminatedAfterTheirVolumesAreSnapshotted()
    {
        using var run = await PlanAsync(CleanupLevel.Delete);
        var idle = run.Scenario["instances", "idle"];
        var stopped = run.Scenario["instances", "stopped"];

        var terminated = await run.ApplyAsync(stopped);

        Assert.True(terminated.Done);
        var state = run.Scenario.Cli("ec2", "describe-instances", "--instance-ids", stopped).GetProperty("Reservations")[0].GetProperty("Instances")[0].GetProperty("State").GetProperty("Name").GetString();
        Assert.Equal("terminated", state);
        var backup = Assert.Single(BackupSnapshots(run.Scenario, $"{stopped}/*"));
        Assert.Equal("completed", backup.GetProperty("State").GetString());
        Assert.True(run.Observer.Operations.IndexOf("CreateSnapshot") < run.Observer.Operations.IndexOf("TerminateInstances"));

        using var stopRun = await PlanAsync(CleanupLevel.Stop, scenario: run.Scenario);
        var stoppedNow = await stopRun.ApplyAsync(idle);
        Assert.True(stoppedNow.Done);
        state = run.Scenario.Cli("ec2", "describe-instances", "--instance-ids", idle).GetProperty("Reservations")[0].GetProperty("Instances")[0].GetProperty("State").GetProperty("Name").GetString();
        Assert.Contains(state, new[] { "stopping", "stopped" });
        Assert.DoesNotContain("CreateSnapshot", stopRun.Observer.Operations);
    }

    [Fact]
    public async Task TerminationProtectionKeepsTheInstanceAndNoSnapshotIsTaken()
    {
        using var run = await PlanAsync(CleanupLevel.Terminate);
        var idle = run.Scenario["instances", "idle"];
        run.Scenario.Cli("ec2", "modify-instance-attribute", "--instance-id", idle, "--disable-api-termination");

        var outcome = await run.ApplyAsync(idle);

        Assert.False(outcome.Done);
        Assert.Contains("termination protection is on", outcome.Note);
        Assert.Empty(BackupSnapshots(run.Scenario, $"{idle}/*"));
        Assert.DoesNotContain("TerminateInstances", run.Observer.Operations);
    }

    [Fact]
    public async Task AddressesAreReleasedAndNatGatewaysLoadBalancersAndSnapshotsDeleted()
    {
        using var run = await PlanAsync(CleanupLevel.Delete);
        var s = run.Scenario;

        Assert.True((await run.ApplyAsync(s["addresses", "free"])).Done);
        var fromStopped = await run.ApplyAsync(s["addresses", "stopped"]);
        Assert.Contains($"disassociated from {s["instances", "stopped"]}, then released", fromStopped.Note);
        var left = s.Cli("ec2", "describe-addresses").GetProperty("Addresses").EnumerateArray().Select(a => a.GetProperty("AllocationId").GetString()).ToList();
        Assert.DoesNotContain(s["addresses", "free"], left);
        Assert.DoesNotContain(s["addresses", "stopped"], left);
        Assert.Contains(s["addresses", "running"], left);

        var nat = await run.ApplyAsync(s["nat", "idle"]);
        Assert.Contains("stays allocated", nat.Note);
        Assert.Equal("deleted", s.Cli("ec2", "describe-nat-gateways", "--nat-gateway-ids", s["nat", "idle"]).GetProperty("NatGateways")[0].GetProperty("State").GetString());

        Assert.True((await run.ApplyAsync(s["lb", "empty"])).Done);
        Assert.True((await run.ApplyAsync(s["lb", "quiet"])).Done);
        var balancers = s.Cli("elbv2", "describe-load-balancers").GetProperty("LoadBalancers").EnumerateArray().Select(b => b.GetProperty("LoadBalancerArn").GetString()).ToList();
        Assert.Equal(new[] { s["lb", "busy"] }, balancers);

        Assert.True((await run.ApplyAsync(s["snapshots", "orphan"])).Done);
        Assert.False(Exists(s, "ec2", "describe-snapshots", "--snapshot-ids", s["snapshots", "orphan"]));
    }

    [Fact]
    public async Task MarksAreWrittenAndRemovedWithEachServicesTagCalls()
    {
        using var run = await PlanAsync(CleanupLevel.Report, grace: 7, markOnly: true);
        var s = run.Scenario;
        var due = CleanupTags.FormatDate(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7));

        foreach (var id in new[] { s["instances", "idle"], s["lb", "empty"], s["db", "idle"] })
        {
            var outcome = await run.ApplyAsync(id);
            Assert.Equal($"tagged waops:cleanup-after={due}", outcome.Note);
        }

        Assert.Equal(due, TagsOf(s.Cli("ec2", "describe-instances", "--instance-ids", s["instances", "idle"]).GetProperty("Reservations")[0].GetProperty("Instances")[0])["waops:cleanup-after"]);
        Assert.Equal(due, TagsOf(s.Cli("elbv2", "describe-tags", "--resource-arns", s["lb", "empty"]).GetProperty("TagDescriptions")[0])["waops:cleanup-after"]);
        Assert.Equal(due, TagsOf(s.Cli("rds", "describe-db-instances", "--db-instance-identifier", s["db", "idle"]).GetProperty("DBInstances")[0], "TagList")["waops:cleanup-after"]);

        // Marked resources that are in use again lose their mark, whichever spelling it has.
        s.Cli("ec2", "create-tags", "--resources", s["instances", "busy"], "--tags", "Key=WAOps:Cleanup-After,Value=2026-01-01");
        s.Cli("rds", "add-tags-to-resource", "--resource-name", $"arn:aws:rds:us-east-1:123456789012:db:{s["db", "busy"]}", "--tags", "Key=waops:cleanup-after,Value=2026-01-01");
        using var again = await PlanAsync(CleanupLevel.Report, grace: 7, markOnly: true, scenario: s);
        Assert.Equal("removed WAOps:Cleanup-After", (await again.ApplyAsync(s["instances", "busy"])).Note);
        Assert.True((await again.ApplyAsync(s["db", "busy"])).Done);
        Assert.DoesNotContain("WAOps:Cleanup-After", TagsOf(s.Cli("ec2", "describe-instances", "--instance-ids", s["instances", "busy"]).GetProperty("Reservations")[0].GetProperty("Instances")[0]).Keys);
        Assert.DoesNotContain("waops:cleanup-after", TagsOf(s.Cli("rds", "describe-db-instances", "--db-instance-identifier", s["db", "busy"]).GetProperty("DBInstances")[0], "TagList").Keys);
    }

    [Fact]
    public async Task AResourceDeletedSinceThePlanFailsWithAwssNotFoundError()
    {
        using var run = await PlanAsync(CleanupLevel.Delete);
        var volume = run.Scenario["volumes", "idle"];
        run.Scenario.Cli("ec2", "delete-volume", "--volume-id", volume);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => run.ApplyAsync(volume));

        Assert.Equal("InvalidVolume.NotFound", error.ErrorCode);
        Assert.True(error.IsNotFound);
        Assert.DoesNotContain("CreateSnapshot", run.Observer.Operations);
    }

    [Fact]
    public async Task AResourceTaggedProductionSinceThePlanIsSkippedAndNothingIsWritten()
    {
        using var run = await PlanAsync(CleanupLevel.Delete);
        var volume = run.Scenario["volumes", "idle"];
        run.Scenario.Cli("ec2", "create-tags", "--resources", volume, "--tags", "Key=env,Value=PRODUCTION ");
        var before = run.Observer.Operations.Count;

        var outcome = await run.ApplyAsync(volume);

        Assert.False(outcome.Done);
        Assert.StartsWith("changed since it was read: tagged env=PRODUCTION", outcome.Note);
        Assert.EndsWith("production is never acted on", outcome.Note);
        Assert.Equal(new[] { "DescribeVolumes" }, run.Observer.Operations.Skip(before));
        Assert.True(Exists(run.Scenario, "ec2", "describe-volumes", "--volume-ids", volume));
    }
}
