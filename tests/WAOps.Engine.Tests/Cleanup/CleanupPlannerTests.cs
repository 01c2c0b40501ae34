using WAOps.Engine.Cleanup;
using WAOps.Engine.Planning;
using Xunit;
using static WAOps.Engine.Tests.Cleanup.CleanupFixtures;

namespace WAOps.Engine.Tests.Cleanup;

public sealed class CleanupPlannerTests
{
    private const string Yesterday = "2026-11-24";
    private const string NextWeek = "2026-12-02";

    [Fact]
    public void ReportOnlyWritesNothingAndSaysWhatAnActingRunWouldDo()
    {
        var plan = Plan(Options(), (Instance(), IdleVerdict()), (Volume(), IdleVerdict()), (Database(), IdleVerdict()), (Address(), IdleVerdict()));

        Assert.Equal(0, plan.Writes);
        Assert.All(plan.Items, i => Assert.Equal(CleanupOutcome.Reported, i.Outcome));
        Assert.Equal(new[] { IdleAction.Stop, IdleAction.SnapshotThenDelete, IdleAction.Release, IdleAction.SnapshotThenStop },
            plan.Items.Select(i => i.Action));
        Assert.All(plan.Items, i => Assert.Contains("report only; not marked", i.Reason));
        Assert.All(plan.Items, i => Assert.Null(i.Change));
    }

    [Fact]
    public void OnlyIdleAndMarkedResourcesGetAnItem()
    {
        var plan = Plan(Options(), (Instance("i-busy"), Verdict(IdleStatus.Active)), (Instance("i-unknown"), Verdict(IdleStatus.InsufficientData)),
            (Instance("i-na"), Verdict(IdleStatus.NotApplicable)), (Volume(), null));

        Assert.Empty(plan.Items);
        Assert.Equal(1, plan.NotPlannedCounts[IdleStatus.Active]);
        Assert.Equal(1, plan.NotPlannedCounts[IdleStatus.InsufficientData]);
        Assert.Equal(2, plan.NotPlannedCounts[IdleStatus.NotApplicable]);
        Assert.Equal(4, plan.ScopeCounts[ScopeReason.InScope]);
    }

    [Fact]
    public void OutOfScopeResourcesAreCountedAndNeverPlanned()
    {
        var plan = Plan(Options(CleanupLevel.Delete, grace: 0),
            (Volume("vol-prod", TagsOf(("Environment", "Production "))), IdleVerdict()),
            (Volume("vol-none", TagsOf(("Name", "x"))), IdleVerdict()),
            (Volume("vol-stage", TagsOf(("Environment", "staging"))), IdleVerdict()),
            (Volume("vol-dev"), IdleVerdict()));

        Assert.Equal("vol-dev", Assert.Single(plan.Items).Resource.Id);
        Assert.Equal(1, plan.ScopeCounts[ScopeReason.Production]);
        Assert.Equal(1, plan.ScopeCounts[ScopeReason.NoEnvironmentTag]);
        Assert.Equal(1, plan.ScopeCounts[ScopeReason.OtherEnvironment]);
        Assert.Equal(4, plan.Examined);
    }

    [Fact]
    public void ProtectedIdleResourcesAreReportedAsSkippedAndNeverWritten()
    {
        var plan = Plan(Options(CleanupLevel.Delete, grace: 0),
            (Volume("vol-keep", Dev(("waops:keep", ""), ("waops:cleanup-after", Yesterday))), IdleVerdict()),
            (Volume("vol-until", Dev(("waops:protect-until", "2027-01-01"))), IdleVerdict()),
            (Volume("vol-kept-busy", Dev(("waops:keep", ""), ("waops:cleanup-after", Yesterday))), Verdict(IdleStatus.Active)));

        Assert.Equal(2, plan.Items.Count);
        Assert.All(plan.Items, i => Assert.False(i.IsWrite));
        Assert.Contains("tagged waops:keep; not acted on", plan.Items[0].Reason);
        Assert.Contains("protected until 2027-01-01", plan.Items[1].Reason);
        Assert.Equal(CleanupOutcome.Skipped, plan.Items[1].Outcome);
    }

    [Fact]
    public void WithAGracePeriodAnActingRunMarksNewCandidatesAndActsOnlyOnThoseDue()
    {
        var plan = Plan(Options(CleanupLevel.Delete, grace: 7),
            (Volume("vol-new"), IdleVerdict()),
            (Volume("vol-waiting", Dev(("waops:cleanup-after", NextWeek))), IdleVerdict()),
            (Volume("vol-due", Dev(("waops:cleanup-after", Yesterday))), IdleVerdict()),
            (Volume("vol-today", Dev(("waops:cleanup-after", "2026-11-25"))), IdleVerdict()));

        // Items come by kind, then id: vol-due, vol-new, vol-today, vol-waiting.
        Assert.Equal(new[] { "vol-due", "vol-new", "vol-today", "vol-waiting" }, plan.Items.Select(i => i.Resource.Id));
        var mark = plan.Items[1];
        Assert.Equal(IdleAction.Mark, mark.Action);
        Assert.True(mark.IsWrite);
        Assert.Equal(new DateOnly(2026, 12, 2), mark.CleanupAfter);
        Assert.Contains("grace period until 2026-12-02", mark.Reason);
        Assert.Equal(ChangeAction.Update, mark.Change!.Action);
        Assert.Equal("waops:cleanup-after=2026-12-02", mark.Change.After);

        Assert.Equal(CleanupOutcome.Skipped, plan.Items[3].Outcome);
        Assert.Contains("grace period: marked, cleanup after 2026-12-02", plan.Items[3].Reason);
        Assert.Equal((IdleAction.SnapshotThenDelete, true), (plan.Items[0].Action, plan.Items[0].IsWrite));
        Assert.Equal(ChangeAction.Delete, plan.Items[0].Change!.Action);
        Assert.True(plan.Items[2].IsWrite);
        Assert.Equal(2, plan.Actions);
    }

    [Fact]
    public void MarkOnlyMarksButNeverActsEvenWhenDue()
    {
        var plan = Plan(Options(markOnly: true),
            (Instance("i-new"), IdleVerdict()),
            (Instance("i-due", Dev(("waops:cleanup-after", Yesterday))), IdleVerdict()),
            (Instance("i-bad", Dev(("WAOps:Cleanup-After", "soon"))), IdleVerdict()));

        var byId = plan.Items.ToDictionary(i => i.Resource.Id);
        Assert.Equal(IdleAction.Mark, byId["i-new"].Action);
        Assert.Equal(CleanupOutcome.Skipped, byId["i-due"].Outcome);
        Assert.Contains("due since 2026-11-24; -MarkOnly does not act", byId["i-due"].Reason);
        Assert.Equal(IdleAction.Mark, byId["i-bad"].Action);
        Assert.Contains("replaces the unreadable WAOps:Cleanup-After='soon'", byId["i-bad"].Reason);
        Assert.Equal(0, plan.Actions);
    }

    [Fact]
    public void MarkedResourcesInUseAgainAreUnmarkedAndThoseWithoutDataKeepTheirMark()
    {
        var plan = Plan(Options(CleanupLevel.Stop),
            (Instance("i-busy", Dev(("waops:cleanup-after", Yesterday))), Verdict(IdleStatus.Active)),
            (Instance("i-unknown", Dev(("waops:cleanup-after", Yesterday))), Verdict(IdleStatus.InsufficientData)));

        var unmark = plan.Items[0];
        Assert.Equal((IdleAction.Unmark, true), (unmark.Action, unmark.IsWrite));
        Assert.Equal("waops:cleanup-after", unmark.MarkKey);
        Assert.Equal("waops:cleanup-after=2026-11-24", unmark.Change!.Before);
        Assert.Contains("in use again", unmark.Reason);
        Assert.False(plan.Items[1].IsWrite);
        Assert.Contains("the mark is kept and nothing is done", plan.Items[1].Reason);

        var report = Plan(Options(), (Instance("i-busy", Dev(("waops:cleanup-after", Yesterday))), Verdict(IdleStatus.Active)));
        Assert.Equal((IdleAction.Unmark, false, CleanupOutcome.Reported), (report.Items[0].Action, report.Items[0].IsWrite, report.Items[0].Outcome));
    }

    [Fact]
    public void EachLevelMapsToTheActionsItAllows()
    {
        (IdleResource, WAOps.Engine.Cleanup.Criteria.CriterionVerdict?)[] resources =
        {
            (Instance("i-run"), IdleVerdict()), (Instance("i-stop", state: "stopped", stoppedAt: Now.AddDays(-60)), IdleVerdict()), (Volume(), IdleVerdict()),
            (Snapshot(), IdleVerdict()), (Address(), IdleVerdict()), (Nat(), IdleVerdict()), (Balancer(), IdleVerdict()), (Database(), IdleVerdict()),
        };

        string Actions(CleanupLevel level) => string.Join(",", Plan(Options(level, grace: 0, maxActions: 100), resources).Items
            .Select(i => i.IsWrite ? i.Action.ToString() : "-"));

        // Order: instances, volume, snapshot, address, NAT, load balancer, database (by kind).
        Assert.Equal("Stop,-,-,-,-,-,-,SnapshotThenStop", Actions(CleanupLevel.Stop));
        Assert.Equal("Terminate,Terminate,-,-,-,-,-,SnapshotThenDelete", Actions(CleanupLevel.Terminate));
        Assert.Equal("Terminate,Terminate,SnapshotThenDelete,Delete,Release,Delete,Delete,SnapshotThenDelete", Actions(CleanupLevel.Delete));

        var stopPlan = Plan(Options(CleanupLevel.Stop, grace: 0), resources);
        Assert.Contains("already stopped; -Action Terminate terminates it", stopPlan.Items[1].Reason);
        Assert.Contains("-Action Stop does not delete a EbsVolume; -Action Delete does", stopPlan.Items[2].Reason);
        Assert.Contains("-Action Stop does not release a ElasticIp", stopPlan.Items[4].Reason);
    }

    [Fact]
    public void DeletionProtectionIsHonouredAndStoppingStaysPossible()
    {
        var deletion = Plan(Options(CleanupLevel.Delete, grace: 0), (Database(deletionProtection: true), IdleVerdict()));
        var item = Assert.Single(deletion.Items);
        Assert.False(item.IsWrite);
        Assert.Equal(CleanupOutcome.Skipped, item.Outcome);
        Assert.Contains("deletion protection is on; WAOps never turns it off", item.Reason);

        var stop = Plan(Options(CleanupLevel.Stop, grace: 0), (Database(deletionProtection: true), IdleVerdict()));
        Assert.Equal(IdleAction.SnapshotThenStop, Assert.Single(stop.Items).Action);
        Assert.True(stop.Items[0].IsWrite);
    }

    [Fact]
    public void MaxActionsCapsActionsLargestSavingsFirstAndMarksDoNotCount()
    {
        var plan = Plan(Options(CleanupLevel.Delete, grace: 0, maxActions: 2),
            (Volume("vol-small", size: 10), IdleVerdict()),
            (Volume("vol-big", size: 1000), IdleVerdict()),
            (Nat(), IdleVerdict()),
            (Address(), IdleVerdict()));

        var acting = plan.Items.Where(i => i.IsWrite).Select(i => i.Resource.Id).ToList();
        Assert.Equal(new[] { "nat-0aaa", "vol-big" }, acting.OrderBy(x => x, StringComparer.Ordinal));
        Assert.Equal(2, plan.Actions);
        var capped = plan.Items.Where(i => !i.IsWrite).ToList();
        Assert.Equal(2, capped.Count);
        Assert.All(capped, i => Assert.Contains("-MaxActions 2 reached", i.Reason));

        var marks = Plan(Options(CleanupLevel.Delete, grace: 7, maxActions: 1), (Volume("vol-1"), IdleVerdict()), (Volume("vol-2"), IdleVerdict()), (Volume("vol-3"), IdleVerdict()));
        Assert.Equal(3, marks.Writes);
        Assert.Equal(0, marks.Actions);
    }

    [Fact]
    public void SavingsComeFromThePriceTable()
    {
        var plan = Plan(Options(CleanupLevel.Delete, grace: 0, maxActions: 10),
            (Instance(type: "t3.micro"), IdleVerdict()), (Volume(size: 100, type: "gp3"), IdleVerdict()), (Nat(), IdleVerdict()), (Instance("i-odd", type: "x9.weird"), IdleVerdict()));

        Assert.Equal(7.59m + 0.24m, plan.Items.Single(i => i.Resource.Id == "i-0aaa").EstimatedMonthlySavings); // terminate: compute + 8 GiB gp3 less its snapshot
        Assert.Equal(3m, plan.Items.Single(i => i.Resource.Id == "vol-0aaa").EstimatedMonthlySavings);
        Assert.Equal(32.85m, plan.Items.Single(i => i.Resource.Id == "nat-0aaa").EstimatedMonthlySavings);
        Assert.Null(plan.Items.Single(i => i.Resource.Id == "i-odd").EstimatedMonthlySavings);
    }

    [Fact]
    public void TheShouldProcessTextNamesActionKindIdStateAndEvidence()
    {
        var item = Assert.Single(Plan(Options(CleanupLevel.Stop, grace: 0), (Instance(), IdleVerdict())).Items);
        Assert.Equal("Stop Ec2Instance i-0aaa (t3.micro, running): idle by test", item.Describe());
        Assert.Equal(item.Resource.Arn, item.Change!.Target);
        Assert.Same(item, item.Change.Operation);
    }

    [Fact]
    public void TheRecheckRefusesWhatChangedSinceItWasRead()
    {
        var options = Options(CleanupLevel.Delete, grace: 7);
        var marked = Dev(("waops:cleanup-after", Yesterday));
        var item = Assert.Single(Plan(options, (Volume(tags: marked), IdleVerdict())).Items);

        Assert.Null(CleanupPlanner.Recheck(item, Volume(tags: marked), options, Now));
        Assert.Contains("attached to i-9", CleanupPlanner.Recheck(item, Volume(tags: marked, state: "in-use", attachedTo: "i-9"), options, Now));
        Assert.Contains("production is never acted on", CleanupPlanner.Recheck(item, Volume(tags: TagsOf(("Environment", "prod"), ("waops:cleanup-after", Yesterday))), options, Now));
        Assert.Contains("tagged waops:keep", CleanupPlanner.Recheck(item, Volume(tags: Dev(("waops:cleanup-after", Yesterday), ("waops:keep", ""))), options, Now));
        Assert.Contains("not marked", CleanupPlanner.Recheck(item, Volume(), options, Now));

        var stop = Assert.Single(Plan(Options(CleanupLevel.Stop, grace: 0), (Instance(), IdleVerdict())).Items);
        Assert.Contains("stopped, not running", CleanupPlanner.Recheck(stop, Instance(state: "stopped"), Options(CleanupLevel.Stop, grace: 0), Now));

        var release = Assert.Single(Plan(Options(CleanupLevel.Delete, grace: 0), (Address(), IdleVerdict())).Items);
        Assert.Contains("associated with i-7", CleanupPlanner.Recheck(release, Address(association: "a-1", instance: "i-7", eni: "eni-7", instanceState: "running"), Options(CleanupLevel.Delete, grace: 0), Now));

        Assert.Contains("associated with i-7 (stopping)", CleanupPlanner.Recheck(release, Address(association: "a-1", instance: "i-7", eni: "eni-7", instanceState: "stopping"), Options(CleanupLevel.Delete, grace: 0), Now));

        // Its traffic decided the verdict; target health changing (a deployment, health checks turned off) does not undo it.
        var balancer = Assert.Single(Plan(Options(CleanupLevel.Delete, grace: 0), (Balancer(targets: new[] { "unavailable" }), IdleVerdict())).Items);
        Assert.Null(CleanupPlanner.Recheck(balancer, Balancer(targets: new[] { "healthy", "healthy" }), Options(CleanupLevel.Delete, grace: 0), Now));
        Assert.Contains("it is provisioning", CleanupPlanner.Recheck(balancer, Balancer(state: "provisioning"), Options(CleanupLevel.Delete, grace: 0), Now));

        var delete = Assert.Single(Plan(Options(CleanupLevel.Delete, grace: 0), (Database(), IdleVerdict())).Items);
        Assert.Contains("deletion protection is on", CleanupPlanner.Recheck(delete, Database(deletionProtection: true), Options(CleanupLevel.Delete, grace: 0), Now));
    }
}
