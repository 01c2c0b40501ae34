using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Rules;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using WAOps.Engine.Tags;
using Xunit;

namespace WAOps.Engine.Tests.Gates.Rules;

public sealed class VpcEndpointAndTagRulesTests
{
    /// <summary>A VPC with a public subnet (web) and two private subnets (app-a via rtb-a, app-b via rtb-b), compute in app-a and app-b.</summary>
    private static (TestInventory Inventory, InventoryResource Vpc) Network()
    {
        var inv = new TestInventory();
        var vpc = inv.Vpc();
        inv.RouteTable("rtb-main", main: true, routes: new Route("0.0.0.0/0", "igw-1"));
        inv.RouteTable("rtb-a", routes: new Route("0.0.0.0/0", "nat-1"));
        inv.RouteTable("rtb-b", routes: new Route("0.0.0.0/0", "nat-2"));
        inv.Subnet("subnet-web");
        inv.Subnet("subnet-app-a", routeTable: "rtb-a");
        inv.Subnet("subnet-app-b", routeTable: "rtb-b");
        inv.Instance("i-web", "subnet-web", publicIp: "198.51.100.1");
        inv.Instance("i-a", "subnet-app-a");
        inv.Add(ResourceKinds.Function, "worker", new FunctionProperties { VpcId = "vpc-1", SubnetIds = Facts.List(new[] { "subnet-app-b" }) });
        return (inv, vpc);
    }

    [Fact]
    public void AGatewayEndpointAssociatedWithEveryPrivateComputeTablePasses()
    {
        var (inv, vpc) = Network();
        inv.Endpoint("vpce-s3", "s3", "Gateway", routeTables: new[] { "rtb-a", "rtb-b" });
        var verdict = inv.JudgeOne(new S3GatewayEndpointRule(), vpc);
        Assert.Equal(GateStatus.Pass, verdict.Status);
        Assert.Equal("s3 gateway endpoint vpce-s3 is associated with rtb-a (serving subnet-app-a), rtb-b (serving subnet-app-b)", verdict.Reason);
    }

    [Fact]
    public void AGatewayEndpointNotAssociatedWithATableFailsNamingIt()
    {
        var (inv, vpc) = Network();
        inv.Endpoint("vpce-s3", "s3", "Gateway", routeTables: new[] { "rtb-a" });
        var verdict = inv.JudgeOne(new S3GatewayEndpointRule(), vpc);
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("s3 gateway endpoint vpce-s3 is not associated with rtb-b (serving subnet-app-b)", verdict.Reason);
    }

    [Fact]
    public void NoEndpointFailsAndAnInterfaceEndpointOfTheSameServiceDoesNotCount()
    {
        var (inv, vpc) = Network();
        inv.Endpoint("vpce-s3-if", "s3", "Interface", subnets: new[] { "subnet-app-a" });
        var verdict = inv.JudgeOne(new DynamoDbGatewayEndpointRule(), vpc);
        Assert.Equal("no dynamodb gateway endpoint; private compute routes through rtb-a (serving subnet-app-a), rtb-b (serving subnet-app-b)", verdict.Reason);
        Assert.Equal(GateStatus.Fail, inv.JudgeOne(new S3GatewayEndpointRule(), vpc).Status);
    }

    [Fact]
    public void AVpcWithoutPrivateComputeIsNotApplicable()
    {
        var inv = new TestInventory();
        var vpc = inv.Vpc();
        inv.RouteTable("rtb-main", main: true, routes: new Route("0.0.0.0/0", "igw-1"));
        inv.Subnet("subnet-web");
        inv.Instance("i-web", "subnet-web");
        inv.Instance("i-gone", "subnet-web", state: "terminated");
        Assert.Equal(GateStatus.NotApplicable, inv.JudgeOne(new S3GatewayEndpointRule(), vpc).Status);
        Assert.Equal(GateStatus.NotApplicable, inv.JudgeOne(new InterfaceEndpointsRule(), vpc).Status);
    }

    [Fact]
    public void InterfaceEndpointsListWhatIsMissing()
    {
        var (inv, vpc) = Network();
        foreach (var service in new[] { "ecr.api", "ecr.dkr", "logs", "monitoring" })
        {
            inv.Endpoint($"vpce-{service}", service, "Interface", subnets: new[] { "subnet-app-a" });
        }

        var verdict = inv.JudgeOne(new InterfaceEndpointsRule(), vpc);
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("missing interface endpoints for ssm, sts, secretsmanager (present: ecr.api, ecr.dkr, logs, monitoring)", verdict.Reason);

        var fewer = new GateOptions { InterfaceEndpointServices = new[] { "ecr.api", "logs" } };
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(new InterfaceEndpointsRule(), vpc, fewer).Status);
    }

    [Fact]
    public void EndpointsThatCouldNotBeListedMakeAnError()
    {
        var (inv, vpc) = Network();
        inv.FailListing(ResourceKinds.VpcEndpoint, "DescribeVpcEndpoints");
        Assert.Equal(GateStatus.Error, inv.JudgeOne(new S3GatewayEndpointRule(), vpc).Status);
    }

    [Fact]
    public void TagsAreJudgedByTheTagEngineWithMisCasedKeys()
    {
        var inv = new TestInventory();
        var rule = new TagsRequiredRule();
        var good = inv.Add(ResourceKinds.Queue, "good", new QueueProperties(), TestInventory.FullyTagged);
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(rule, good).Status);

        var bad = inv.Add(ResourceKinds.Queue, "bad", new QueueProperties(), TestInventory.Tags(("environment", "prod"), ("Project", "shop")));
        var verdict = inv.JudgeOne(rule, bad);
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("missing Team; CostCenter; mis-cased environment->Environment (tags: Project=shop; environment=prod)", verdict.Reason);
    }

    [Fact]
    public void TheTagPolicyDecidesKeysValuesAndScope()
    {
        var inv = new TestInventory();
        var rule = new TagsRequiredRule();
        var policy = TagPolicy.Create(new[] { "Environment" }, new Dictionary<string, IReadOnlyList<string>> { ["Environment"] = new[] { "dev", "prod" } }, new[] { "sqs:*" }, "test");
        var options = new GateOptions { TagPolicy = policy };
        var queue = inv.Add(ResourceKinds.Queue, "q", new QueueProperties(), TestInventory.Tags(("Environment", "Prod")));
        Assert.Equal("values not allowed: Environment=Prod (tags: Environment=Prod)", inv.JudgeOne(rule, queue, options).Reason);
        var topic = inv.Add(ResourceKinds.Topic, "t", new TopicProperties());
        Assert.Equal(GateStatus.NotApplicable, inv.JudgeOne(rule, topic, options).Status);
    }

    [Fact]
    public void TagsThatCouldNotBeReadAreAnErrorAndUnresolvedOnesUnknown()
    {
        var inv = new TestInventory();
        var rule = new TagsRequiredRule();
        var read = inv.Add(ResourceKinds.Queue, "q", new QueueProperties()).WithTags(TagSet.Empty, "GetResources: AccessDenied");
        Assert.Equal(GateStatus.Error, inv.JudgeOne(rule, read).Status);
        var template = new InventoryResource(ResourceKinds.Queue, "Queue", "Queue", TestInventory.Account, TestInventory.Region, TagSet.Empty, new QueueProperties(), DiscoverySource.Template)
        {
            TagsUnknownReason = "Tags: !If [IsProd, ...] cannot be resolved",
        };
        Assert.Equal(GateStatus.Unknown, inv.JudgeOne(rule, template).Status);
    }
}
