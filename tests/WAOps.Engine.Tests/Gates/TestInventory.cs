using Xunit;
using WAOps.Engine.Gates;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using WAOps.Engine.Tags;

namespace WAOps.Engine.Tests.Gates;

/// <summary>Builds inventories for rule tests: one account, one region, resources with the ARNs AWS would give them.</summary>
internal sealed class TestInventory
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";

    public ResourceInventory Inventory { get; } = new();

    public static TagSet Tags(params (string Key, string Value)[] tags) => new(tags.Select(t => KeyValuePair.Create(t.Key, t.Value)));

    public static readonly TagSet Prod = Tags(("Environment", "prod"));

    public static readonly TagSet FullyTagged = Tags(("Environment", "prod"), ("Project", "shop"), ("Team", "web"), ("CostCenter", "CC-1"));

    public InventoryResource Add(ResourceKind kind, string id, ResourceProperties properties, TagSet? tags = null, string? arn = null, string region = Region, string? name = null)
    {
        var resource = new InventoryResource(kind, arn ?? ArnOf(kind, id, region), id, Account, region, tags ?? TagSet.Empty, properties, DiscoverySource.ServiceApi, name ?? id);
        Inventory.Add(resource);
        return resource;
    }

    public static string ArnOf(ResourceKind kind, string id, string region = Region) => kind.Name switch
    {
        "aws:account" => PseudoResourceIds.Account(Account),
        "aws:account-region" => PseudoResourceIds.AccountRegion(Account, region),
        "aws:project" => PseudoResourceIds.Project(Account, id),
        "rds:db" => $"arn:aws:rds:{region}:{Account}:db:{id}",
        "rds:cluster" => $"arn:aws:rds:{region}:{Account}:cluster:{id}",
        "elasticache:replicationgroup" => $"arn:aws:elasticache:{region}:{Account}:replicationgroup:{id}",
        "s3:bucket" => $"arn:aws:s3:::{id}",
        "sqs:queue" => $"arn:aws:sqs:{region}:{Account}:{id}",
        "sns:topic" => $"arn:aws:sns:{region}:{Account}:{id}",
        "lambda:function" => $"arn:aws:lambda:{region}:{Account}:function:{id}",
        "iam:policy" or "iam:role" or "iam:user" or "iam:group" => $"arn:aws:iam::{Account}:{kind.Name[4..]}/{id}",
        "budgets:budget" => $"arn:aws:budgets::{Account}:budget/{id}",
        _ => $"arn:aws:{kind.Name.Split(':')[0]}:{region}:{Account}:{kind.Name.Split(':')[1]}/{id}",
    };

    public InventoryResource Vpc(string id = "vpc-1") => Add(ResourceKinds.Vpc, id, new VpcProperties { IsDefault = false });

    public InventoryResource Subnet(string id, string vpc = "vpc-1", string? routeTable = null, bool mapPublicIp = false, string zone = "us-east-1a") =>
        Add(ResourceKinds.Subnet, id, new SubnetProperties { VpcId = vpc, RouteTableId = routeTable, MapPublicIpOnLaunch = mapPublicIp, AvailabilityZone = zone });

    public InventoryResource RouteTable(string id, string vpc = "vpc-1", bool main = false, params Route[] routes) =>
        Add(ResourceKinds.RouteTable, id, new RouteTableProperties
        {
            VpcId = vpc,
            IsMain = main,
            Routes = Facts.List(new[] { new Route("10.0.0.0/16", "local", "active") }.Concat(routes)),
        });

    public InventoryResource Instance(string id, string? subnet, string vpc = "vpc-1", string? publicIp = null, TagSet? tags = null, string state = "running") =>
        Add(ResourceKinds.Instance, id, new InstanceProperties
        {
            SubnetId = subnet,
            VpcId = vpc,
            HasPublicIp = publicIp is not null,
            PublicIpAddress = publicIp,
            State = state,
        }, tags);

    public InventoryResource Endpoint(string id, string service, string type, string vpc = "vpc-1", IEnumerable<string>? routeTables = null, IEnumerable<string>? subnets = null) =>
        Add(ResourceKinds.VpcEndpoint, id, new VpcEndpointProperties
        {
            VpcId = vpc,
            ServiceName = $"com.amazonaws.{Region}.{service}",
            EndpointType = type,
            RouteTableIds = Facts.List(routeTables),
            SubnetIds = Facts.List(subnets),
            State = "available",
        });

    public InventoryResource AccountRegion(bool ebsDefault = true) =>
        Add(ResourceKinds.AccountRegion, Region, new AccountRegionProperties { EbsEncryptionByDefault = ebsDefault });

    public InventoryResource AccountResource() => Add(ResourceKinds.Account, Account, new AccountProperties(), region: PseudoResourceIds.GlobalRegion);

    /// <summary>A resource already added, by its short id.</summary>
    public InventoryResource Resolve(string resourceId) => Inventory.Resources.Single(r => r.ResourceId == resourceId);

    public IReadOnlyList<RuleVerdict> Judge(IGateRule rule, InventoryResource resource, GateOptions? options = null) =>
        rule.Evaluate(resource, new RuleContext(Inventory, options ?? new GateOptions())).ToList();

    public RuleVerdict JudgeOne(IGateRule rule, InventoryResource resource, GateOptions? options = null) => Assert.Single(Judge(rule, resource, options));

    public void FailListing(ResourceKind kind, string listing, string region = Region) =>
        Inventory.AddListingFailure(new ListingFailure(kind.Name, Account, region, listing, "Aws.AccessDenied", "User is not authorized to perform " + listing));
}
