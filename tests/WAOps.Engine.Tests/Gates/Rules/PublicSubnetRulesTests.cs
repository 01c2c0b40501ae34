using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Rules;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using Xunit;

namespace WAOps.Engine.Tests.Gates.Rules;

public sealed class PublicSubnetRulesTests
{
    private static readonly Ec2InstancePrivateSubnetRule Placement = new();

    [Fact]
    public void ASubnetWithoutAnExplicitTableIsPublicThroughTheVpcsMainTable()
    {
        var inv = new TestInventory();
        inv.RouteTable("rtb-main", main: true, routes: new Route("0.0.0.0/0", "igw-1", "active"));
        inv.Subnet("subnet-a");
        var instance = inv.Instance("i-1", "subnet-a");

        var verdict = inv.JudgeOne(Placement, instance);
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("subnet-a is public: 0.0.0.0/0 -> igw-1 in rtb-main (the VPC's main route table)", verdict.Reason);
    }

    [Fact]
    public void AnExplicitTableOverridesAPublicMainTable()
    {
        var inv = new TestInventory();
        inv.RouteTable("rtb-main", main: true, routes: new Route("0.0.0.0/0", "igw-1"));
        inv.RouteTable("rtb-private", routes: new Route("0.0.0.0/0", "nat-1"));
        inv.Subnet("subnet-a", routeTable: "rtb-private");
        var instance = inv.Instance("i-1", "subnet-a");

        var verdict = inv.JudgeOne(Placement, instance);
        Assert.Equal(GateStatus.Pass, verdict.Status);
        Assert.Equal("subnet-a is private: rtb-private has no default route to an internet gateway", verdict.Reason);
    }

    [Fact]
    public void AnExplicitTableWithAnInternetRouteMakesTheSubnetPublicWhateverTheMainTable()
    {
        var inv = new TestInventory();
        inv.RouteTable("rtb-main", main: true);
        inv.RouteTable("rtb-public", routes: new Route("::/0", "igw-1"));
        inv.Subnet("subnet-a", routeTable: "rtb-public");
        Assert.Equal(GateStatus.Fail, inv.JudgeOne(Placement, inv.Instance("i-1", "subnet-a")).Status);
    }

    [Theory]
    [InlineData("nat-0abc")]
    [InlineData("eigw-0abc")]
    [InlineData("tgw-0abc")]
    public void NatEgressOnlyAndTransitGatewaysDoNotMakeASubnetPublic(string target)
    {
        var inv = new TestInventory();
        inv.RouteTable("rtb-main", main: true, routes: new[] { new Route("0.0.0.0/0", target), new Route("::/0", target) });
        inv.Subnet("subnet-a");
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(Placement, inv.Instance("i-1", "subnet-a")).Status);
    }

    [Fact]
    public void ABlackholeInternetRouteDoesNotCountAndNeitherDoesANonDefaultOne()
    {
        var inv = new TestInventory();
        inv.RouteTable("rtb-main", main: true, routes: new[] { new Route("0.0.0.0/0", "igw-1", "blackhole"), new Route("203.0.113.0/24", "igw-1") });
        inv.Subnet("subnet-a");
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(Placement, inv.Instance("i-1", "subnet-a")).Status);
    }

    [Fact]
    public void RouteTablesThatCouldNotBeListedMakeAnErrorNotAPass()
    {
        var inv = new TestInventory();
        inv.Subnet("subnet-a");
        inv.FailListing(ResourceKinds.RouteTable, "DescribeRouteTables");
        var verdict = inv.JudgeOne(Placement, inv.Instance("i-1", "subnet-a"));
        Assert.Equal(GateStatus.Error, verdict.Status);
        Assert.Contains("DescribeRouteTables", verdict.Reason);
    }

    [Fact]
    public void ASubnetMissingFromATemplateIsUnknown()
    {
        var inv = new TestInventory();
        var verdict = inv.JudgeOne(Placement, inv.Instance("i-1", "subnet-from-parameter"));
        Assert.Equal(GateStatus.Unknown, verdict.Status);
        Assert.Contains("ec2:subnet subnet-from-parameter is not in the inventory", verdict.Reason);
    }

    [Fact]
    public void AnInstanceOutsideAnySubnetIsNotApplicable()
    {
        var inv = new TestInventory();
        Assert.Equal(GateStatus.NotApplicable, inv.JudgeOne(Placement, inv.Instance("i-1", null)).Status);
    }

    [Fact]
    public void APublicIpFailsWithTheAddress()
    {
        var inv = new TestInventory();
        var rule = new Ec2InstanceNoPublicIpRule();
        var failing = inv.JudgeOne(rule, inv.Instance("i-1", "subnet-a", publicIp: "198.51.100.7"));
        Assert.Equal(GateStatus.Fail, failing.Status);
        Assert.Equal("public IP 198.51.100.7", failing.Reason);
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(rule, inv.Instance("i-2", "subnet-a")).Status);
    }

    [Fact]
    public void PubliclyAccessibleDatabasesFail()
    {
        var inv = new TestInventory();
        var rule = new RdsNotPubliclyAccessibleRule();
        var open = inv.Add(ResourceKinds.DbInstance, "open", new DbInstanceProperties { PubliclyAccessible = true });
        var closed = inv.Add(ResourceKinds.DbInstance, "closed", new DbInstanceProperties { PubliclyAccessible = false });
        Assert.Equal(GateStatus.Fail, inv.JudgeOne(rule, open).Status);
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(rule, closed).Status);
    }

    [Fact]
    public void ADbSubnetGroupWithOnePublicSubnetFailsNamingIt()
    {
        var inv = new TestInventory();
        inv.RouteTable("rtb-main", main: true);
        inv.RouteTable("rtb-public", routes: new Route("0.0.0.0/0", "igw-1"));
        inv.Subnet("subnet-data-a");
        inv.Subnet("subnet-web-b", routeTable: "rtb-public");
        var db = inv.Add(ResourceKinds.DbInstance, "orders", new DbInstanceProperties { SubnetIds = Facts.List(new[] { "subnet-data-a", "subnet-web-b" }) });
        var verdict = inv.JudgeOne(new RdsPrivateSubnetsRule(), db);
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("1 of 2 subnets of its subnet group are public: subnet-web-b is public: 0.0.0.0/0 -> igw-1 in rtb-public", verdict.Reason);

        var good = inv.Add(ResourceKinds.DbInstance, "ledger", new DbInstanceProperties { SubnetIds = Facts.List(new[] { "subnet-data-a" }) });
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(new RdsPrivateSubnetsRule(), good).Status);
    }

    [Fact]
    public void ACacheSubnetGroupIsJudgedTheSameWay()
    {
        var inv = new TestInventory();
        inv.RouteTable("rtb-main", main: true, routes: new Route("0.0.0.0/0", "igw-1"));
        inv.Subnet("subnet-a");
        var group = inv.Add(ResourceKinds.CacheReplicationGroup, "cache", new CacheReplicationGroupProperties { SubnetIds = Facts.List(new[] { "subnet-a" }) });
        Assert.Equal(GateStatus.Fail, inv.JudgeOne(new ElastiCachePrivateSubnetsRule(), group).Status);
    }

    [Fact]
    public void SubnetsThatMapPublicIpsOnLaunchFail()
    {
        var inv = new TestInventory();
        var rule = new SubnetNoAutoPublicIpRule();
        Assert.Equal(GateStatus.Fail, inv.JudgeOne(rule, inv.Subnet("subnet-a", mapPublicIp: true)).Status);
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(rule, inv.Subnet("subnet-b")).Status);
    }
}
