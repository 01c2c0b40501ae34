using WAOps.Aws.Appliers;
using WAOps.Aws.Cleanup;
using WAOps.Engine.Cleanup;
using WAOps.Engine.Errors;
using WAOps.Engine.Tags;
using Xunit;

namespace WAOps.Aws.Tests.Cleanup;

/// <summary>
/// The wait between taking a snapshot and deleting what it protects. moto completes snapshots at once, so the slow
/// and failing cases are driven here with a scripted state, a fake clock and no real sleeping.
/// </summary>
public sealed class SnapshotWaiterTests
{
    private static readonly EbsVolumeResource Volume = new("vol-1", "arn:aws:ec2:us-east-1:123456789012:volume/vol-1", "us-east-1", TagSet.Empty, null, 10, "gp3", "available",
        Array.Empty<string>());

    [Fact]
    public async Task ItPollsWithGrowingPausesUntilTheSnapshotIsDone()
    {
        var now = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        var pauses = new List<TimeSpan>();
        var states = new Queue<string>(new[] { "pending", "pending", "pending", "pending", "pending", "completed" });
        var steps = new List<string>();
        var waiter = new SnapshotWaiter(TimeSpan.FromMinutes(60), () => now, (pause, _) => { pauses.Add(pause); now += pause; return Task.CompletedTask; }, steps.Add);

        await waiter.WaitAsync("snap-1", Volume, _ => Task.FromResult((states.Dequeue(), (int?)40)), "completed", new[] { "error" }, CancellationToken.None);

        Assert.Equal(new[] { 2, 4, 8, 15, 15 }, pauses.Select(p => (int)p.TotalSeconds));
        Assert.Equal("vol-1: snapshot snap-1 pending, 40%", steps[0]);
    }

    [Fact]
    public async Task ASnapshotStillPendingAtTheTimeoutKeepsTheResource()
    {
        var now = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        var waiter = new SnapshotWaiter(TimeSpan.FromMinutes(1), () => now, (pause, _) => { now += pause; return Task.CompletedTask; }, null);

        var error = await Assert.ThrowsAsync<WAOpsException>(() =>
            waiter.WaitAsync("snap-1", Volume, _ => Task.FromResult(("pending", (int?)12)), "completed", new[] { "error" }, CancellationToken.None));

        Assert.Equal(CleanupErrorIds.SnapshotNotCompleted, error.ErrorId);
        Assert.Equal(ErrorKind.OperationTimeout, error.Kind);
        Assert.Contains("still pending (12%) after 1 minute(s); vol-1 was kept", error.Message);
    }

    [Fact]
    public async Task AFailedSnapshotKeepsTheResource()
    {
        var waiter = new SnapshotWaiter(TimeSpan.FromMinutes(60), () => DateTimeOffset.UtcNow, (_, _) => Task.CompletedTask, null);
        var error = await Assert.ThrowsAsync<WAOpsException>(() =>
            waiter.WaitAsync("snap-1", Volume, _ => Task.FromResult(("error", (int?)null)), "completed", new[] { "error" }, CancellationToken.None));
        Assert.Equal(CleanupErrorIds.SnapshotFailed, error.ErrorId);
        Assert.Contains("is error; vol-1 was kept", error.Message);
    }

    [Fact]
    public async Task WaitingIsCancellable()
    {
        using var cancel = new CancellationTokenSource();
        var waiter = new SnapshotWaiter(TimeSpan.FromMinutes(60), () => DateTimeOffset.UtcNow, Task.Delay, null);
        var wait = waiter.WaitAsync("snap-1", Volume, _ => Task.FromResult(("pending", (int?)null)), "completed", new[] { "error" }, cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public void RdsSnapshotNamesAreValidIdentifiers()
    {
        var name = CleanupApplier.SnapshotName("orders-dev");
        Assert.Matches("^waops-orders-dev-[0-9]{8}-[0-9]{6}$", name);
        Assert.DoesNotContain("--", CleanupApplier.SnapshotName("a-"));
        Assert.True(CleanupApplier.SnapshotName(new string('a', 300)).Length <= 255);
    }
}
