using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Rules;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using Xunit;

namespace WAOps.Engine.Tests.Gates.Rules;

public sealed class MultiAzRulesTests
{
    private static DbInstanceProperties Db(bool multiAz, string? cluster = null, string zone = "us-east-1a") => new()
    {
        Engine = cluster is null ? "postgres" : "aurora-postgresql",
        ClusterId = cluster,
        MultiAz = multiAz,
        PubliclyAccessible = false,
        StorageEncrypted = true,
        KmsKeyId = null,
        SubnetIds = Facts.List<string>(null),
        AvailabilityZone = zone,
        SecondaryAvailabilityZone = multiAz ? "us-east-1b" : null,
    };

    [Fact]
    public void AStandaloneInstanceWithAStandbyPasses()
    {
        var inv = new TestInventory();
        var db = inv.Add(ResourceKinds.DbInstance, "orders", Db(multiAz: true));
        var verdict = inv.JudgeOne(new RdsInstanceMultiAzRule(), db);
        Assert.Equal(GateStatus.Pass, verdict.Status);
        Assert.Contains("standby in us-east-1b", verdict.Reason);
    }

    [Fact]
    public void ASingleAzInstanceFailsWithItsZone()
    {
        var inv = new TestInventory();
        var db = inv.Add(ResourceKinds.DbInstance, "orders", Db(multiAz: false));
        var verdict = inv.JudgeOne(new RdsInstanceMultiAzRule(), db);
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("MultiAZ=false: single instance in us-east-1a", verdict.Reason);
    }

    [Fact]
    public void AuroraInstancesAreJudgedOnTheirClusterNotOnTheirOwnMultiAzFalse()
    {
        var inv = new TestInventory();
        var writer = inv.Add(ResourceKinds.DbInstance, "aurora-1", Db(multiAz: false, cluster: "aurora", zone: "us-east-1a"));
        inv.Add(ResourceKinds.DbInstance, "aurora-2", Db(multiAz: false, cluster: "aurora", zone: "us-east-1b"));
        var cluster = inv.Add(ResourceKinds.DbCluster, "aurora", new DbClusterProperties
        {
            Engine = "aurora-postgresql",
            MultiAz = false,
            MemberInstanceIds = Facts.List(new[] { "aurora-1", "aurora-2" }),
            StorageEncrypted = true,
        });

        Assert.Equal(GateStatus.NotApplicable, inv.JudgeOne(new RdsInstanceMultiAzRule(), writer).Status);
        var verdict = inv.JudgeOne(new RdsClusterMultiAzRule(), cluster);
        Assert.Equal(GateStatus.Pass, verdict.Status);
        Assert.Equal("2 instances in 2 AZs (us-east-1a, us-east-1b)", verdict.Reason);
    }

    [Fact]
    public void AClusterWithAllInstancesInOneZoneFails()
    {
        var inv = new TestInventory();
        inv.Add(ResourceKinds.DbInstance, "aurora-1", Db(multiAz: false, cluster: "aurora"));
        var cluster = inv.Add(ResourceKinds.DbCluster, "aurora", new DbClusterProperties
        {
            Engine = "aurora-mysql",
            MultiAz = false,
            MemberInstanceIds = Facts.List(new[] { "aurora-1" }),
        });
        var verdict = inv.JudgeOne(new RdsClusterMultiAzRule(), cluster);
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("MultiAZ=false: 1 instance(s) all in us-east-1a", verdict.Reason);
    }

    [Fact]
    public void AClusterFlaggedMultiAzPassesWithoutLookingAtMembers()
    {
        var inv = new TestInventory();
        var cluster = inv.Add(ResourceKinds.DbCluster, "multi", new DbClusterProperties { Engine = "postgres", MultiAz = true, MemberInstanceIds = Facts.List(new[] { "gone" }) });
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(new RdsClusterMultiAzRule(), cluster).Status);
    }

    [Fact]
    public void AMemberMissingFromTheInventoryIsUnknownAndAFailedListingIsAnError()
    {
        var inv = new TestInventory();
        var cluster = inv.Add(ResourceKinds.DbCluster, "aurora", new DbClusterProperties { Engine = "aurora-mysql", MultiAz = false, MemberInstanceIds = Facts.List(new[] { "aurora-9" }) });
        var unknown = inv.JudgeOne(new RdsClusterMultiAzRule(), cluster);
        Assert.Equal(GateStatus.Unknown, unknown.Status);
        Assert.Contains("rds:db aurora-9 is not in the inventory", unknown.Reason);

        inv.FailListing(ResourceKinds.DbInstance, "DescribeDBInstances");
        Assert.Equal(GateStatus.Error, inv.JudgeOne(new RdsClusterMultiAzRule(), cluster).Status);
    }

    [Theory]
    [InlineData("enabled", "enabled", GateStatus.Pass)]
    [InlineData("enabled", "disabled", GateStatus.Fail)]
    [InlineData("disabled", "enabled", GateStatus.Fail)]
    [InlineData(null, null, GateStatus.Fail)]
    public void ElastiCacheNeedsMultiAzAndAutomaticFailoverAbsentMeaningDisabled(string? multiAz, string? failover, GateStatus expected)
    {
        var inv = new TestInventory();
        var group = inv.Add(ResourceKinds.CacheReplicationGroup, "cache", new CacheReplicationGroupProperties { MultiAz = multiAz, AutomaticFailover = failover });
        var verdict = inv.JudgeOne(new ElastiCacheMultiAzRule(), group);
        Assert.Equal(expected, verdict.Status);
        Assert.Equal($"MultiAZ={multiAz ?? "absent"}, AutomaticFailover={failover ?? "absent"}", verdict.Reason);
    }

    [Fact]
    public void ElastiCacheWithAnUnresolvedValueIsUnknownNeverAPass()
    {
        var inv = new TestInventory();
        var group = inv.Add(ResourceKinds.CacheReplicationGroup, "cache", new CacheReplicationGroupProperties
        {
            MultiAz = Fact<string?>.Unresolved("!Ref CacheMultiAz has no default", new SourceLocation("stack.yaml", 40, 7, "Properties.MultiAZEnabled")),
            AutomaticFailover = "enabled",
        });
        var verdict = inv.JudgeOne(new ElastiCacheMultiAzRule(), group);
        Assert.Equal(GateStatus.Unknown, verdict.Status);
        Assert.Equal("MultiAZ: value not known (!Ref CacheMultiAz has no default)", verdict.Reason);
        Assert.Equal(40, verdict.Location!.Line);
    }

    [Theory]
    [InlineData(null, new[] { "us-east-1a", "us-east-1b" }, GateStatus.Pass)]
    [InlineData(null, new[] { "us-east-1a", "us-east-1a" }, GateStatus.Fail)]
    [InlineData("us-east-1a", new[] { "us-east-1a" }, GateStatus.Fail)]
    [InlineData(null, new string[0], GateStatus.Fail)]
    public void EfsMustBeRegionalWithMountTargetsInSeveralZones(string? oneZone, string[] zones, GateStatus expected)
    {
        var inv = new TestInventory();
        var fs = inv.Add(ResourceKinds.FileSystem, "fs-1", new FileSystemProperties { Encrypted = true, AvailabilityZoneName = oneZone, MountTargetAvailabilityZones = Facts.List(zones) });
        Assert.Equal(expected, inv.JudgeOne(new EfsMultiAzRule(), fs).Status);
    }

    [Fact]
    public void EfsMountTargetsThatCouldNotBeReadAreAnError()
    {
        var inv = new TestInventory();
        var fs = inv.Add(ResourceKinds.FileSystem, "fs-1", new FileSystemProperties
        {
            Encrypted = true,
            AvailabilityZoneName = null,
            MountTargetAvailabilityZones = Fact<IReadOnlyList<string>>.ReadFailed("DescribeMountTargets: AccessDenied"),
        });
        var verdict = inv.JudgeOne(new EfsMultiAzRule(), fs);
        Assert.Equal(GateStatus.Error, verdict.Status);
        Assert.Equal("mount targets could not be read: DescribeMountTargets: AccessDenied", verdict.Reason);
    }
}
