using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Rules;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using Xunit;

namespace WAOps.Engine.Tests.Gates.Rules;

public sealed class AuditAndCostRulesTests
{
    private static TrailProperties Trail(bool multiRegion = true, bool logging = true, bool validation = true, ManagementEventCoverage events = ManagementEventCoverage.All, bool organization = false) => new()
    {
        IsMultiRegion = multiRegion,
        IsLogging = logging,
        LogFileValidationEnabled = validation,
        ManagementEvents = events,
        IsOrganizationTrail = organization,
        HomeRegion = "us-east-1",
    };

    [Fact]
    public void OneGoodMultiRegionTrailIsEnough()
    {
        var inv = new TestInventory();
        var account = inv.AccountResource();
        inv.Add(ResourceKinds.Trail, "local", Trail(multiRegion: false));
        inv.Add(ResourceKinds.Trail, "main", Trail());
        var verdict = inv.JudgeOne(new CloudTrailEnabledRule(), account);
        Assert.Equal(GateStatus.Pass, verdict.Status);
        Assert.Equal("trail main: multi-region, logging, log file validation, all management events", verdict.Reason);
    }

    [Fact]
    public void TrailsThatFallShortAreListedWithTheirShortfalls()
    {
        var inv = new TestInventory();
        var account = inv.AccountResource();
        inv.Add(ResourceKinds.Trail, "a", Trail(multiRegion: false, validation: false));
        inv.Add(ResourceKinds.Trail, "b", Trail(logging: false, events: ManagementEventCoverage.WriteOnly));
        var verdict = inv.JudgeOne(new CloudTrailEnabledRule(), account);
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("a: single-region, no log file validation; b: not logging, management events WriteOnly only", verdict.Reason);
    }

    [Fact]
    public void NoTrailFailsAndAFailedListingIsAnError()
    {
        var inv = new TestInventory();
        var account = inv.AccountResource();
        Assert.Equal("the account has no CloudTrail trail", inv.JudgeOne(new CloudTrailEnabledRule(), account).Reason);
        inv.FailListing(ResourceKinds.Trail, "DescribeTrails");
        Assert.Equal(GateStatus.Error, inv.JudgeOne(new CloudTrailEnabledRule(), account).Status);
    }

    [Fact]
    public void AnOrganizationTrailCounts()
    {
        var inv = new TestInventory();
        var account = inv.AccountResource();
        inv.Add(ResourceKinds.Trail, "org", Trail(organization: true), arn: "arn:aws:cloudtrail:us-east-1:999999999999:trail/org");
        Assert.StartsWith("organization trail org", inv.JudgeOne(new CloudTrailEnabledRule(), account).Reason);
    }

    [Fact]
    public void ATrailWhoseStatusCouldNotBeReadIsAnErrorUnlessAnotherPasses()
    {
        var inv = new TestInventory();
        var account = inv.AccountResource();
        inv.Add(ResourceKinds.Trail, "a", new TrailProperties { IsMultiRegion = true, IsLogging = Fact<bool>.ReadFailed("GetTrailStatus: AccessDenied"), LogFileValidationEnabled = true, ManagementEvents = ManagementEventCoverage.All });
        Assert.Equal(GateStatus.Error, inv.JudgeOne(new CloudTrailEnabledRule(), account).Status);
        inv.Add(ResourceKinds.Trail, "b", Trail());
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(new CloudTrailEnabledRule(), account).Status);
    }

    [Fact]
    public void GuardDutyNeedsAnEnabledDetectorInTheRegion()
    {
        var inv = new TestInventory();
        var region = inv.AccountRegion();
        var rule = new GuardDutyEnabledRule();
        Assert.Equal("no GuardDuty detector in us-east-1", inv.JudgeOne(rule, region).Reason);

        inv.Add(ResourceKinds.Detector, "d-1", new DetectorProperties { Status = "DISABLED" });
        Assert.Equal("detector d-1 is DISABLED in us-east-1", inv.JudgeOne(rule, region).Reason);

        var inv2 = new TestInventory();
        var region2 = inv2.AccountRegion();
        inv2.Add(ResourceKinds.Detector, "d-2", new DetectorProperties { Status = "ENABLED" });
        Assert.Equal(GateStatus.Pass, inv2.JudgeOne(rule, region2).Status);

        var inv3 = new TestInventory();
        var region3 = inv3.AccountRegion();
        inv3.FailListing(ResourceKinds.Detector, "ListDetectors");
        Assert.Equal(GateStatus.Error, inv3.JudgeOne(rule, region3).Status);
    }

    [Fact]
    public void DetectorsOfOtherRegionsDoNotCount()
    {
        var inv = new TestInventory();
        var region = inv.AccountRegion();
        inv.Add(ResourceKinds.Detector, "d-eu", new DetectorProperties { Status = "ENABLED" }, region: "eu-west-1");
        Assert.Equal(GateStatus.Fail, inv.JudgeOne(new GuardDutyEnabledRule(), region).Status);
    }

    private static InventoryResource Budget(TestInventory inv, string name, string? project, params string[] types) =>
        inv.Add(ResourceKinds.Budget, name, new BudgetProperties { Project = project, BudgetType = "COST", NotificationTypes = Facts.List(types) }, region: "global");

    [Fact]
    public void AProjectNeedsABudgetFilteredOnItWithAForecastAlert()
    {
        var inv = new TestInventory();
        inv.Add(ResourceKinds.Queue, "q", new QueueProperties(), TestInventory.Tags(("Project", "shop")));
        inv.Add(ResourceKinds.Queue, "q2", new QueueProperties(), TestInventory.Tags(("project", "billing")));
        inv.Inventory.AddProjects();
        var shop = inv.Inventory.Get(PseudoResourceIds.Project(TestInventory.Account, "shop"))!;
        var billing = inv.Inventory.Get(PseudoResourceIds.Project(TestInventory.Account, "billing"))!;
        var rule = new CostBudgetForecastRule();

        Assert.Equal("no budget is filtered on Project=shop (1 resource(s) carry it)", inv.JudgeOne(rule, shop).Reason);

        Budget(inv, "account-wide", null, "FORECASTED");
        Budget(inv, "shop-actual", "shop", "ACTUAL");
        Assert.Equal("budget shop-actual has only ACTUAL notifications", inv.JudgeOne(rule, shop).Reason);

        Budget(inv, "shop-forecast", "shop", "ACTUAL", "FORECASTED", "FORECASTED");
        var pass = inv.JudgeOne(rule, shop);
        Assert.Equal(GateStatus.Pass, pass.Status);
        Assert.Equal("budget shop-forecast has 2 FORECASTED notification(s)", pass.Reason);
        Assert.Equal(GateStatus.Fail, inv.JudgeOne(rule, billing).Status);
    }

    [Fact]
    public void BudgetsThatCouldNotBeListedMakeAnError()
    {
        var inv = new TestInventory();
        inv.Add(ResourceKinds.Queue, "q", new QueueProperties(), TestInventory.Tags(("Project", "shop")));
        inv.Inventory.AddProjects();
        inv.FailListing(ResourceKinds.Budget, "DescribeBudgets", region: "global");
        var shop = inv.Inventory.Get(PseudoResourceIds.Project(TestInventory.Account, "shop"))!;
        Assert.Equal(GateStatus.Error, inv.JudgeOne(new CostBudgetForecastRule(), shop).Status);
    }
}
