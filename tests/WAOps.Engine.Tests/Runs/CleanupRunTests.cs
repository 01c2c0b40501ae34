using WAOps.Engine.Cleanup;
using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;
using WAOps.Engine.Planning;
using WAOps.Engine.Runs;
using WAOps.Engine.Tests.Cleanup;
using Xunit;
using static WAOps.Engine.Tests.Cleanup.CleanupFixtures;

namespace WAOps.Engine.Tests.Runs;

/// <summary>Invoke-WAIdleCleanup's run with in-memory ports: a fixed collection in, the applier's calls and the results out.</summary>
public sealed class CleanupRunTests
{
    private sealed class Source : IIdleSource
    {
        public IReadOnlyList<EvaluatedResource> Resources { get; init; } = Array.Empty<EvaluatedResource>();

        public string Region => CleanupFixtures.Region;

        public Task<string> AccountIdAsync(CancellationToken cancellationToken) => Task.FromResult(Account);

        public Task<IdleCollection> CollectAsync(CleanupOptions options, DateTimeOffset now, Action<RunProgress> onProgress, Action<CollectionFailure> onFailure,
            CancellationToken cancellationToken)
        {
            onFailure(new CollectionFailure(null, Region, "RDS DB instances", new WAOpsException("AccessDenied", ErrorKind.PermissionDenied, "no RDS for you")));
            return Task.FromResult(new IdleCollection(Resources, 3, 1, TimeSpan.Zero, TimeSpan.Zero));
        }
    }

    private sealed class Applier : IChangeApplier<CleanupPlanItem>
    {
        public List<string> Applied { get; } = new();

        public Task<ApplyResult> ApplyAsync(PlannedChange<CleanupPlanItem> change, CancellationToken cancellationToken)
        {
            var item = change.Operation!;
            Applied.Add($"{item.Action} {item.Resource.Id}");
            return item.Resource.Id == "vol-0bad"
                ? throw new WAOpsException(CleanupErrorIds.SnapshotFailed, ErrorKind.OperationStopped, "the snapshot failed", item.Resource.Arn)
                : Task.FromResult(ApplyResult.Completed("done", new[] { $"snap-of-{item.Resource.Id}" }));
        }
    }

    [Fact]
    public async Task EachPlannedResourceGetsOneResultInPlanOrderThenTheSummary()
    {
        var source = new Source
        {
            Resources = new[]
            {
                new EvaluatedResource(Volume("vol-0good", size: 500), IdleVerdict()),
                new EvaluatedResource(Volume("vol-0bad", size: 400), IdleVerdict()),
                new EvaluatedResource(Volume("vol-0busy"), Verdict(IdleStatus.Active)),
                new EvaluatedResource(Volume("vol-0prod", tags: TagsOf(("Environment", "prod"))), null),
            },
        };
        var applier = new Applier();
        var host = new RecordingHost();
        var options = Options(CleanupLevel.Delete, grace: 0);
        await new CleanupRun(source, () => applier).ExecuteAsync(options, host, () => new Dictionary<string, int> { ["EC2:DescribeVolumes"] = 1 }, CancellationToken.None);

        Assert.Equal(new[] { "SnapshotThenDelete vol-0bad", "SnapshotThenDelete vol-0good" }, applier.Applied.Order());
        var results = host.Of<IdleCleanupResult>().ToDictionary(r => r.ResourceId);
        Assert.Equal(applier.Applied, host.Of<IdleCleanupResult>().Select(r => $"SnapshotThenDelete {r.ResourceId}"));
        Assert.Equal(CleanupOutcome.Deleted, results["vol-0good"].Outcome);
        Assert.Equal(new[] { "snap-of-vol-0good" }, results["vol-0good"].BackupSnapshotIds);
        Assert.Equal((CleanupOutcome.Failed, CleanupErrorIds.SnapshotFailed), (results["vol-0bad"].Outcome, results["vol-0bad"].ErrorId));
        Assert.IsType<IdleCleanupSummary>(host.Output.Last());
        Assert.Equal(new[] { ("AccessDenied", (object?)"us-east-1 RDS DB instances"), (CleanupErrorIds.SnapshotFailed, results["vol-0bad"].ResourceArn) },
            host.Errors.Select(e => (e.Error.ErrorId, e.Target)));
        Assert.True(host.Progress.Last().Completed);
    }

    [Fact]
    public async Task AReportOnlyRunAsksNothingAndWritesNothing()
    {
        var applier = new Applier();
        var host = new RecordingHost();
        var source = new Source { Resources = new[] { new EvaluatedResource(Volume("vol-0good"), IdleVerdict()) } };
        await new CleanupRun(source, () => applier).ExecuteAsync(Options(), host, () => new Dictionary<string, int>(), CancellationToken.None);

        Assert.Empty(applier.Applied);
        Assert.Empty(host.Asked);
        Assert.Equal(CleanupOutcome.Reported, Assert.Single(host.Of<IdleCleanupResult>()).Outcome);
    }
}
