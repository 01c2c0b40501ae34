using WAOps.Engine.Errors;
using WAOps.Engine.Planning;
using WAOps.Engine.Runs;
using WAOps.Engine.Tests.Runs;
using Xunit;

namespace WAOps.Engine.Tests.Planning;

public sealed class PlanExecutorTests
{
    private sealed record Op(string Name);

    /// <summary>Records what it applied; fails or skips the targets it is told to.</summary>
    private sealed class Applier : IChangeApplier<Op>, IBatchChangeApplier<Op>
    {
        private int _running;

        public List<string> Applied { get; } = new();

        public List<IReadOnlyList<string>> Batches { get; } = new();

        public HashSet<string> Fail { get; init; } = new();

        public HashSet<string> Skip { get; init; } = new();

        public bool Crash { get; init; }

        public int MostAtOnce { get; private set; }

        public TimeSpan Delay { get; init; }

        public async Task<ApplyResult> ApplyAsync(PlannedChange<Op> change, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _running);
            lock (Applied)
            {
                MostAtOnce = Math.Max(MostAtOnce, now);
            }

            try
            {
                await Task.Delay(Delay, cancellationToken);
                if (Crash)
                {
                    throw new InvalidOperationException("boom");
                }

                if (Fail.Contains(change.Target))
                {
                    throw new WAOpsException("Refused", ErrorKind.PermissionDenied, $"{change.Target} refused", change.Target);
                }

                lock (Applied)
                {
                    Applied.Add(change.Target);
                }

                return Skip.Contains(change.Target) ? ApplyResult.Skipped("changed since the plan") : ApplyResult.Completed("done", new[] { $"backup-of-{change.Target}" });
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        public Task<IReadOnlyList<ApplyResult>> ApplyAsync(IReadOnlyList<PlannedChange<Op>> changes, CancellationToken cancellationToken)
        {
            Batches.Add(changes.Select(c => c.Target).ToList());
            return Task.FromResult<IReadOnlyList<ApplyResult>>(changes.Select(c => Fail.Contains(c.Target)
                ? ApplyResult.Failed(new WAOpsException("TagRepairFailed", ErrorKind.PermissionDenied, $"{c.Target} refused", c.Target), "AccessDenied")
                : ApplyResult.Completed()).ToList());
        }
    }

    private static PlannedChange<Op> Change(string target, ChangeAction action = ChangeAction.Update, bool prerequisite = false) =>
        new(target, "Thing", action, "test", operation: new Op(target)) { IsPrerequisite = prerequisite };

    private static async Task<(PlanExecution<Op> Execution, List<ExecutedChange<Op>> Reported)> RunAsync(RecordingHost host, IChangeApplier<Op> applier, ExecutionOptions? options,
        params PlannedChange<Op>[] plan)
    {
        var reported = new List<ExecutedChange<Op>>();
        var execution = await new PlanExecutor(host).ExecuteAsync(plan, applier, options ?? ExecutionOptions.Sequential, r => { lock (reported) { reported.Add(r); } }, CancellationToken.None);
        return (execution, reported);
    }

    [Fact]
    public async Task EveryChangeGetsOneResultInPlanOrderAndOnlyWritesAreConfirmedAndApplied()
    {
        var host = new RecordingHost();
        var applier = new Applier();
        var (execution, reported) = await RunAsync(host, applier, null,
            Change("a", ChangeAction.Create), Change("b", ChangeAction.None), Change("c", ChangeAction.Skip), Change("d", ChangeAction.Delete), Change("e"));

        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, reported.Select(r => r.Change.Target));
        Assert.Equal(new[] { ChangeOutcome.Created, ChangeOutcome.Unchanged, ChangeOutcome.Skipped, ChangeOutcome.Deleted, ChangeOutcome.Updated }, reported.Select(r => r.Outcome));
        Assert.Equal(new[] { "a", "d", "e" }, host.Asked);
        Assert.Equal(new[] { "a", "d", "e" }, applier.Applied);
        Assert.Equal(new[] { "backup-of-a" }, reported[0].Artifacts);
        Assert.Equal(new[] { "a", "d", "e" }, execution.Applied.Select(o => o.Name));
        Assert.False(execution.WhatIf);
        Assert.Equal("Changes: 3 of 3", host.Progress.Last().Status);
    }

    [Fact]
    public async Task WhatIfShowsWritesWithoutMakingThemOrGivingThemResults()
    {
        var host = new RecordingHost { Answer = _ => ConfirmDecision.WhatIf };
        var applier = new Applier();
        var (execution, reported) = await RunAsync(host, applier, null, Change("a"), Change("b", ChangeAction.None), Change("c", ChangeAction.Delete));

        Assert.Empty(applier.Applied);
        Assert.Equal(new[] { "b" }, reported.Select(r => r.Change.Target));
        Assert.Equal(2, execution.Shown);
        Assert.True(execution.WhatIf);
    }

    [Fact]
    public async Task AFailureIsReportedOnItsOwnAndTheRestGoOn()
    {
        var host = new RecordingHost { Answer = t => t == "c" ? ConfirmDecision.Declined : null };
        var applier = new Applier { Fail = { "a" }, Skip = { "d" } };
        var (_, reported) = await RunAsync(host, applier, null, Change("a"), Change("b"), Change("c"), Change("d"));

        Assert.Equal(new[] { ChangeOutcome.Failed, ChangeOutcome.Updated, ChangeOutcome.Skipped, ChangeOutcome.Skipped }, reported.Select(r => r.Outcome));
        var (error, target) = Assert.Single(host.Errors);
        Assert.Equal(("Refused", "a"), (error.ErrorId, target));
        Assert.Equal("Refused", reported[0].ToResult().ErrorId);
        Assert.Equal("Declined at the confirmation prompt.", reported[2].ToResult().Error);
        Assert.Equal("changed since the plan", reported[3].ToResult().Error);
        Assert.Equal(new[] { "b", "d" }, applier.Applied);
    }

    [Fact]
    public async Task AnUnexpectedExceptionBecomesAFailureWithAnErrorIdNotACrash()
    {
        var host = new RecordingHost();
        var (_, reported) = await RunAsync(host, new Applier { Crash = true }, null, Change("a"), Change("b"));
        Assert.All(reported, r => Assert.Equal(ChangeOutcome.Failed, r.Outcome));
        Assert.All(host.Errors, e => Assert.Equal(PlanErrorIds.UnexpectedError, e.Error.ErrorId));
        Assert.Equal("boom", reported[0].Error!.Message);
    }

    [Fact]
    public async Task APrerequisiteThatIsNotMadeSkipsWhatDependsOnIt()
    {
        foreach (var (fail, decline) in new[] { (true, false), (false, true) })
        {
            var host = new RecordingHost { Answer = t => decline && t == "policy" ? ConfirmDecision.Declined : null };
            var applier = new Applier { Fail = fail ? new HashSet<string> { "policy" } : new HashSet<string>() };
            var (_, reported) = await RunAsync(host, applier, null, Change("policy", prerequisite: true), Change("budget"), Change("note", ChangeAction.None), Change("alert", ChangeAction.Create));

            Assert.Equal(fail ? ChangeOutcome.Failed : ChangeOutcome.Skipped, reported[0].Outcome);
            Assert.Equal(new[] { ChangeOutcome.Skipped, ChangeOutcome.Unchanged, ChangeOutcome.Skipped }, reported.Skip(1).Select(r => r.Outcome));
            Assert.Contains("it needs Update Thing policy, which was not made", reported[1].Note);
            Assert.Empty(applier.Applied);
            Assert.Equal(new[] { "policy" }, host.Asked);
        }

        var made = new Applier();
        var (_, ok) = await RunAsync(new RecordingHost(), made, null, Change("policy", prerequisite: true), Change("budget"));
        Assert.Equal(new[] { "policy", "budget" }, made.Applied);
        Assert.All(ok, r => Assert.True(r.AsPlanned));
    }

    [Fact]
    public async Task ConcurrentWritesRunSideBySideUnderTheBoundAndAllGetResults()
    {
        var host = new RecordingHost();
        var applier = new Applier { Delay = TimeSpan.FromMilliseconds(30) };
        var plan = Enumerable.Range(1, 12).Select(i => Change($"alarm-{i:00}")).ToArray();
        var (_, reported) = await RunAsync(host, applier, new ExecutionOptions { MaxConcurrency = 3 }, plan);

        Assert.Equal(12, reported.Count);
        Assert.Equal(plan.Select(c => c.Target), host.Asked);
        Assert.InRange(applier.MostAtOnce, 2, 3);
        Assert.All(reported, r => Assert.Equal(ChangeOutcome.Updated, r.Outcome));
    }

    [Fact]
    public async Task BatchedExecutionConfirmsEachThenAppliesTheApprovedTogether()
    {
        var host = new RecordingHost { Answer = t => t == "c" ? ConfirmDecision.Declined : null };
        var applier = new Applier { Fail = { "d" } };
        var reported = new List<ExecutedChange<Op>>();
        await new PlanExecutor(host).ExecuteBatchedAsync(new[] { Change("a"), Change("b", ChangeAction.None), Change("c"), Change("d") }, applier, reported.Add, CancellationToken.None);

        Assert.Equal(new[] { "a", "d" }, Assert.Single(applier.Batches));
        Assert.Equal(new[] { ("b", ChangeOutcome.Unchanged), ("c", ChangeOutcome.Skipped), ("a", ChangeOutcome.Updated), ("d", ChangeOutcome.Failed) },
            reported.Select(r => (r.Change.Target, r.Outcome)));
        Assert.Equal("AccessDenied", reported[3].ToResult().ErrorId);
        Assert.Equal("TagRepairFailed", Assert.Single(host.Errors).Error.ErrorId);
    }

    [Fact]
    public async Task CancellationStopsTheRun()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new PlanExecutor(new RecordingHost()).ExecuteAsync(new[] { Change("a") }, new Applier(), ExecutionOptions.Sequential, _ => { }, cancel.Token));
    }

    [Fact]
    public void AWriteWithoutAnOperationCannotBePlanned()
    {
        Assert.Throws<ArgumentException>(() => new PlannedChange<Op>("a", "Thing", ChangeAction.Create, "test"));
        Assert.Null(new PlannedChange<Op>("a", "Thing", ChangeAction.None, "test").Operation);
    }
}
