using WAOps.Engine.Dashboards;
using WAOps.Engine.Planning;
using Xunit;
using static WAOps.Engine.Tests.Dashboards.SampleResources;

namespace WAOps.Engine.Tests.Dashboards;

public sealed class DashboardPlannerTests
{
    private static readonly WorkloadDescription Shop = new("shop-prod", Region, "shop", "prod", "tags");

    private static IReadOnlyList<DashboardDefinition> Wanted(int queues = 2) =>
        DashboardComposer.Compose(Shop, Enumerable.Range(1, queues).Select(i => Queue($"q{i:000}")));

    private static IReadOnlyList<PlannedChange<DashboardOperation>> Plan(IReadOnlyList<DashboardDefinition> wanted, Dictionary<string, string?> current, Dictionary<string, string?>? others = null, bool prune = false) =>
        DashboardPlanner.Plan(wanted, current, others ?? new Dictionary<string, string?>(), Shop.Marker, prune);

    [Fact]
    public void AMissingDashboardIsCreated()
    {
        var change = Assert.Single(Plan(Wanted(), new Dictionary<string, string?>()));
        Assert.Equal((ChangeAction.Create, "Dashboard", "shop-prod"), (change.Action, change.Kind, change.Target));
        Assert.IsType<PutDashboardOperation>(change.Operation);
        Assert.Equal("8 widgets, 12 metrics", change.After);
    }

    [Fact]
    public void TheSameBodyIsUnchangedWhateverItsFormatting()
    {
        var wanted = Wanted();
        var reformatted = DashboardBody.Format(wanted[0].Body).Replace("60", "60.0", StringComparison.Ordinal);
        var change = Assert.Single(Plan(wanted, new Dictionary<string, string?> { ["shop-prod"] = reformatted }));
        Assert.Equal(ChangeAction.None, change.Action);
        Assert.False(change.IsWrite);
    }

    [Fact]
    public void ADifferentBodyIsUpdated()
    {
        var before = Wanted(1)[0].Body;
        var change = Assert.Single(Plan(Wanted(2), new Dictionary<string, string?> { ["shop-prod"] = before }));
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal("5 widgets, 6 metrics", change.Before);
        Assert.Equal("8 widgets, 12 metrics", change.After);
    }

    [Fact]
    public void LeftOverNumberedDashboardsOfTheWorkloadAreReportedOrPruned()
    {
        var ours = Wanted(300)[1].Body;
        var others = new Dictionary<string, string?>
        {
            ["shop-prod-2"] = ours,
            ["shop-prod-3"] = ours.Replace("shop-prod-2", "shop-prod-3", StringComparison.Ordinal),
            ["shop-prod-4"] = "{\"widgets\":[]}", // someone else's, without the workload's marker
        };

        var kept = Plan(Wanted(), new Dictionary<string, string?>(), others);
        Assert.Equal(new[] { (ChangeAction.Create, "shop-prod"), (ChangeAction.Skip, "shop-prod-2"), (ChangeAction.Skip, "shop-prod-3") }, kept.Select(c => (c.Action, c.Target)));

        var pruned = Plan(Wanted(), new Dictionary<string, string?>(), others, prune: true);
        Assert.Equal(new[] { (ChangeAction.Create, "shop-prod"), (ChangeAction.Delete, "shop-prod-2"), (ChangeAction.Delete, "shop-prod-3") }, pruned.Select(c => (c.Action, c.Target)));
        Assert.Equal("shop-prod-3", Assert.IsType<DeleteDashboardOperation>(pruned[2].Operation).Name);
    }

    [Fact]
    public void APartStillWantedIsNeverALeftOver()
    {
        var wanted = Wanted(300);
        Assert.Equal(2, wanted.Count);
        var changes = Plan(wanted, new Dictionary<string, string?> { ["shop-prod"] = wanted[0].Body, ["shop-prod-2"] = wanted[1].Body },
            new Dictionary<string, string?> { ["shop-prod-2"] = wanted[1].Body }, prune: true);
        Assert.Equal(new[] { ChangeAction.None, ChangeAction.None }, changes.Select(c => c.Action));
    }

    [Fact]
    public void FilesAreComparedWithTheirContent()
    {
        var wanted = Wanted();
        var files = new[] { ("/tmp/shop.json", wanted[0]) };
        var create = Assert.Single(DashboardPlanner.PlanFiles(files, new Dictionary<string, string?>()));
        Assert.Equal((ChangeAction.Create, "DashboardFile"), (create.Action, create.Kind));
        var content = Assert.IsType<WriteDashboardFileOperation>(create.Operation).Content;
        Assert.StartsWith("{\n  \"widgets\": [", content.ReplaceLineEndings("\n"));

        Assert.Equal(ChangeAction.None, Assert.Single(DashboardPlanner.PlanFiles(files, new Dictionary<string, string?> { ["/tmp/shop.json"] = content })).Action);
        Assert.Equal(ChangeAction.Update, Assert.Single(DashboardPlanner.PlanFiles(files, new Dictionary<string, string?> { ["/tmp/shop.json"] = "{}" })).Action);
    }

    [Theory]
    [InlineData("/tmp/shop.json", 1, "/tmp/shop.json")]
    [InlineData("/tmp/shop.json", 2, "/tmp/shop-2.json")]
    [InlineData("/tmp/shop", 3, "/tmp/shop-3")]
    public void PartFilesAreNumberedLikeTheDashboards(string path, int part, string expected) => Assert.Equal(expected, DashboardPlanner.PartPath(path, part));
}
