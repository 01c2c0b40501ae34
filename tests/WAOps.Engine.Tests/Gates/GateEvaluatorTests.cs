using WAOps.Engine.Errors;
using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Waivers;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using Xunit;

namespace WAOps.Engine.Tests.Gates;

public sealed class GateEvaluatorTests
{
    private static DbInstanceProperties SingleAz() => new()
    {
        Engine = "postgres",
        ClusterId = null,
        MultiAz = false,
        PubliclyAccessible = false,
        StorageEncrypted = true,
        SubnetIds = Facts.List<string>(null),
        AvailabilityZone = "us-east-1a",
    };

    private static List<GateFinding> Run(TestInventory inv, string rule, GateOptions? options = null, GateScope? scope = null, WaiverSet? waivers = null) =>
        new GateEvaluator(RuleCatalog.Select(null, new[] { rule }, null, null), options ?? new GateOptions(), scope, waivers).Evaluate(inv.Inventory).ToList();

    [Fact]
    public void ProductionOnlyRulesSkipOtherEnvironmentsUnlessAllEnvironmentsIsAsked()
    {
        var inv = new TestInventory();
        inv.Add(ResourceKinds.DbInstance, "dev-db", SingleAz(), TestInventory.Tags(("Environment", "dev")));
        inv.Add(ResourceKinds.DbInstance, "prod-db", SingleAz(), TestInventory.Tags(("environment", "Production")));
        inv.Add(ResourceKinds.DbInstance, "untagged-db", SingleAz());

        var findings = Run(inv, "rds-instance-multi-az");
        Assert.Equal(GateStatus.NotApplicable, findings.Single(f => f.ResourceId == "dev-db").Status);
        Assert.Contains("Environment=dev: required in production only", findings.Single(f => f.ResourceId == "dev-db").Reason);
        Assert.Equal(GateStatus.Fail, findings.Single(f => f.ResourceId == "prod-db").Status);
        Assert.Equal(GateStatus.NotApplicable, findings.Single(f => f.ResourceId == "untagged-db").Status);

        var all = Run(inv, "rds-instance-multi-az", new GateOptions { AllEnvironments = true });
        Assert.All(all, f => Assert.Equal(GateStatus.Fail, f.Status));
    }

    [Fact]
    public void FindingsCarryTheRuleTheResourceAndItsTags()
    {
        var inv = new TestInventory();
        inv.Add(ResourceKinds.DbInstance, "prod-db", SingleAz(), TestInventory.FullyTagged);
        var finding = Assert.Single(Run(inv, "rds-instance-multi-az"));
        Assert.Equal("rds-instance-multi-az", finding.RuleId);
        Assert.Equal(QualityGate.MultiAz, finding.Gate);
        Assert.Equal(Pillar.Reliability, finding.Pillar);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("arn:aws:rds:us-east-1:123456789012:db:prod-db", finding.ResourceArn);
        Assert.Equal("rds:db", finding.ResourceType);
        Assert.Equal("123456789012", finding.AccountId);
        Assert.Equal("us-east-1", finding.Region);
        Assert.Equal("prod", finding.Environment);
        Assert.Equal("shop", finding.Project);
        Assert.NotEmpty(finding.Remediation);
    }

    [Fact]
    public void AFailedListingBecomesAnErrorFindingForEveryRuleOfThatKind()
    {
        var inv = new TestInventory();
        inv.FailListing(ResourceKinds.Volume, "DescribeVolumes", "eu-west-1");
        var finding = Assert.Single(Run(inv, "ebs-volume-encrypted"));
        Assert.Equal(GateStatus.Error, finding.Status);
        Assert.Equal("aws:account/123456789012/region/eu-west-1", finding.ResourceArn);
        Assert.Equal("ec2:volume", finding.ResourceType);
        Assert.Contains("could not be listed (DescribeVolumes)", finding.Reason);
        Assert.Empty(Run(inv, "rds-storage-encrypted"));
    }

    [Fact]
    public void ScopeNarrowsJudgedResourcesButReferencesStillResolve()
    {
        var inv = new TestInventory();
        inv.RouteTable("rtb-main", main: true, routes: new Route("0.0.0.0/0", "igw-1"));
        inv.Subnet("subnet-a");
        inv.Instance("i-shop", "subnet-a", tags: TestInventory.Tags(("Project", "shop"), ("Environment", "prod")));
        inv.Instance("i-other", "subnet-a", tags: TestInventory.Tags(("Project", "billing")));
        var scope = new GateScope(new[] { "SHOP" }, Array.Empty<string>(), new Dictionary<string, IReadOnlyList<string>>());
        var finding = Assert.Single(Run(inv, "ec2-instance-private-subnet", scope: scope));
        Assert.Equal("i-shop", finding.ResourceId);
        Assert.Equal(GateStatus.Fail, finding.Status);

        var byTag = new GateScope(Array.Empty<string>(), Array.Empty<string>(), new Dictionary<string, IReadOnlyList<string>> { ["Project"] = new[] { "bill*" } });
        Assert.Equal("i-other", Assert.Single(Run(inv, "ec2-instance-private-subnet", scope: byTag)).ResourceId);
        var byEnvironment = new GateScope(Array.Empty<string>(), new[] { "prod" }, new Dictionary<string, IReadOnlyList<string>>());
        Assert.Equal("i-shop", Assert.Single(Run(inv, "ec2-instance-private-subnet", scope: byEnvironment)).ResourceId);
    }

    [Fact]
    public void ProjectsAreJudgedWhenTheyMatchTheScopeAndAccountSettingsAlways()
    {
        var inv = new TestInventory();
        inv.AccountRegion(ebsDefault: false);
        inv.Add(ResourceKinds.Queue, "q1", new QueueProperties(), TestInventory.Tags(("Project", "shop"), ("Environment", "prod")));
        inv.Add(ResourceKinds.Queue, "q2", new QueueProperties(), TestInventory.Tags(("Project", "billing"), ("Environment", "dev")));
        inv.Inventory.AddProjects();
        var prodOnly = new GateScope(Array.Empty<string>(), new[] { "prod" }, new Dictionary<string, IReadOnlyList<string>>());
        Assert.Equal("shop", Assert.Single(Run(inv, "cost-budget-forecast", scope: prodOnly)).ResourceId);
        Assert.Single(Run(inv, "ebs-default-encryption", scope: prodOnly));
    }

    [Fact]
    public void WaiversWaiveUntilTheyExpireAndExpiredOnesAreReported()
    {
        var inv = new TestInventory();
        inv.Add(ResourceKinds.Volume, "vol-legacy", new VolumeProperties { Encrypted = false });
        inv.Add(ResourceKinds.Volume, "vol-old", new VolumeProperties { Encrypted = false });
        inv.Add(ResourceKinds.Volume, "vol-new", new VolumeProperties { Encrypted = false });
        var today = new DateOnly(2026, 11, 25);
        var waivers = new WaiverSet(new[]
        {
            new Waiver("ebs-volume-encrypted", "*vol-legacy", "migrating in Q1", "storage@example.com", today, "w.yaml", 2),
            new Waiver("ebs-*", "vol-old", "was migrating", "storage@example.com", today.AddDays(-1), "w.yaml", 8),
            new Waiver("ebs-volume-encrypted", "vol-gone", "fixed", "storage@example.com", today.AddDays(30), "w.yaml", 14),
        }, today);
        var findings = Run(inv, "ebs-volume-encrypted", waivers: waivers);

        var legacy = findings.Single(f => f.ResourceId == "vol-legacy");
        Assert.Equal(GateStatus.Waived, legacy.Status);
        Assert.Equal("Encrypted=false [waived until 2026-11-25 by storage@example.com: migrating in Q1]", legacy.Reason);
        var old = findings.Single(f => f.ResourceId == "vol-old");
        Assert.Equal(GateStatus.Fail, old.Status);
        Assert.True(old.WaiverExpired);
        Assert.Equal("Encrypted=false [waiver expired on 2026-11-24 (storage@example.com, w.yaml line 8)]", old.Reason);
        Assert.Equal(GateStatus.Fail, findings.Single(f => f.ResourceId == "vol-new").Status);

        Assert.Equal("vol-old", Assert.Single(waivers.Expired).Resource);
        Assert.Equal("vol-gone", Assert.Single(waivers.Unused).Resource);
        Assert.Equal("vol-old", Assert.Single(waivers.ExpiredAndMatched).Resource);
    }

    [Fact]
    public void ARuleThatThrowsGivesAnErrorFindingAndTheRunGoesOn()
    {
        var inv = new TestInventory();
        inv.Add(ResourceKinds.Volume, "vol-1", new VolumeProperties { Encrypted = true });
        var selection = new RuleSelection(RuleCatalog.Latest, new IGateRule[] { new ThrowingRule(), RuleCatalog.FindRule("ebs-volume-encrypted")! });
        var findings = new GateEvaluator(selection, new GateOptions()).Evaluate(inv.Inventory).ToList();
        Assert.Equal(GateStatus.Error, findings[0].Status);
        Assert.Equal("the rule failed on this resource: boom", findings[0].Reason);
        Assert.Equal(GateStatus.Pass, findings[1].Status);
    }

    private sealed class ThrowingRule : GateRule<VolumeProperties>
    {
        public override string Id => "test-throws";

        public override string Title => "throws";

        public override string Description => "throws";

        public override string Remediation => "none";

        public override QualityGate Gate => QualityGate.Encryption;

        public override Pillar Pillar => Pillar.Security;

        public override Severity Severity => Severity.Low;

        public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Volume };

        protected override RuleVerdict Judge(InventoryResource resource, VolumeProperties properties, RuleContext context) =>
            throw new WAOpsException("Test", ErrorKind.InvalidData, "boom");
    }
}
