using WAOps.Engine.Planning;
using WAOps.Engine.Tags;
using Xunit;

namespace WAOps.Engine.Tests.Tags;

public sealed class TagRepairPlannerTests
{
    private const string Arn = "arn:aws:rds:us-east-1:123456789012:db:orders";

    private static TagSet Tags(params (string Key, string Value)[] tags) => new(tags.Select(t => KeyValuePair.Create(t.Key, t.Value)));

    private static TagRepairPlan Plan(TagSet current, Dictionary<string, string> tags, bool fixKeyCase = false, bool overwrite = false) =>
        TagRepairPlanner.Plan(Arn, "us-east-1", current, new TagRepairRequest { Tags = tags, FixKeyCase = fixKeyCase, Overwrite = overwrite });

    [Fact]
    public void AddsOnlyMissingKeysAndNeverOverwritesByDefault()
    {
        var plan = Plan(Tags(("CostCenter", "9999"), ("Team", "web")), new() { ["CostCenter"] = "1234", ["Project"] = "shop" });
        Assert.Equal(new Dictionary<string, string> { ["Project"] = "shop" }, plan.TagsToSet);
        Assert.Empty(plan.KeysToRemove);
        Assert.Contains(plan.Notes, n => n.Contains("-Overwrite"));
        Assert.Contains(plan.Notes, n => n.Contains("Environment is missing"));
    }

    [Fact]
    public void OverwriteReplacesExistingValues()
    {
        var plan = Plan(Tags(("CostCenter", "9999")), new() { ["CostCenter"] = "1234" }, overwrite: true);
        Assert.Equal("1234", plan.TagsToSet["CostCenter"]);
    }

    [Fact]
    public void MisCasedKeysAreLeftAloneWithoutFixKeyCase()
    {
        var plan = Plan(Tags(("environment", "prod")), new() { ["Environment"] = "dev" });
        Assert.Empty(plan.TagsToSet);
        Assert.Contains(plan.Notes, n => n.Contains("-FixKeyCase"));
    }

    [Fact]
    public void FixKeyCaseRenamesKeepingTheValue()
    {
        var plan = Plan(Tags(("environment", "prod"), ("team ", "web")), new(), fixKeyCase: true);
        Assert.Equal(new Dictionary<string, string> { ["Environment"] = "prod", ["Team"] = "web" }, plan.TagsToSet);
        Assert.Equal(new[] { "environment", "team " }, plan.KeysToRemove);
        var change = TagRepairPlanner.ToChange(plan, Tags(("environment", "prod"), ("team ", "web")));
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Contains("then remove environment", change.Reason);
    }

    [Fact]
    public void ReplanningAfterTheRepairPlansNothing()
    {
        var first = Plan(Tags(("environment", "prod")), new() { ["CostCenter"] = "1234" }, fixKeyCase: true);
        var after = new Dictionary<string, string> { ["Environment"] = "prod", ["CostCenter"] = "1234" };
        var second = Plan(Tags(after.Select(t => (t.Key, t.Value)).ToArray()), new() { ["CostCenter"] = "1234" }, fixKeyCase: true);
        Assert.True(first.HasChanges);
        Assert.False(second.HasChanges);
        Assert.Equal(ChangeAction.None, TagRepairPlanner.ToChange(second, TagSet.Empty).Action);
    }
}
