using System.Text.Json;
using WAOps.Aws.Gates;
using WAOps.Aws.Gates.Listings;
using WAOps.Aws.Protocol;
using WAOps.Aws.Services.CloudTrail.Model;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Gates;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using Xunit;

namespace WAOps.Aws.Tests.Gates;

/// <summary>
/// The live collector against moto seeded by tests/Support/seed/gates.py: the inventory's properties and references,
/// one listing per kind and region (no per-subnet calls), per-resource calls only where AWS has no listing, failures
/// recorded instead of judged as compliant.
/// </summary>
public sealed class LiveInventoryCollectorTests : IClassFixture<LiveInventoryCollectorTests.SeededMoto>
{
    public sealed class SeededMoto : MotoFixtureBase
    {
        private readonly Lazy<JsonElement> _ids;

        public SeededMoto() => _ids = new Lazy<JsonElement>(() => ExternalTools.Seed(Server.Endpoint, "gates.py", "account")!.Value);

        public JsonElement Ids => _ids.Value;
    }

    private const string Account = "123456789012";
    private readonly SeededMoto _fixture;

    public LiveInventoryCollectorTests(SeededMoto fixture)
    {
        fixture.LogName = nameof(LiveInventoryCollectorTests);
        _fixture = fixture;
        _ = fixture.Ids;
    }

    private string Id(string name) => _fixture.Ids.GetProperty(name).GetString()!;

    private async Task<(ResourceInventory Inventory, AwsCallCounter Calls, List<CollectionFailure> Failures)> CollectAsync(
        IReadOnlyCollection<ResourceKind>? kinds = null, Uri? endpoint = null, string[]? regions = null, bool keys = false)
    {
        var counter = new AwsCallCounter();
        var failures = new List<CollectionFailure>();
        var session = TestSessions.For(endpoint ?? _fixture.Server.Endpoint, options: TestSessions.QuickRetries(1, counter));
        var inventory = await LiveInventoryCollector.CollectAsync(session, Account, new LiveCollectionRequest
        {
            Regions = regions ?? new[] { "us-east-1" },
            Kinds = kinds ?? ResourceKinds.All,
            ResolveKeyOwnership = keys,
        }, null, f => { lock (failures) { failures.Add(f); } }, CancellationToken.None);
        return (inventory, counter, failures);
    }

    private static T Props<T>(ResourceInventory inventory, string id)
        where T : ResourceProperties =>
        inventory.Resources.Single(r => r.ResourceId == id || r.Arn == id).PropertiesAs<T>()!;

    [Fact]
    public async Task SubnetsReferTheirExplicitRouteTableOrNoneForTheMainTable()
    {
        var (inventory, _, failures) = await CollectAsync();
        Assert.Empty(failures);
        Assert.Null(Props<SubnetProperties>(inventory, Id("subnet-public-main")).RouteTableId.Value);
        Assert.Equal(Id("rtb-private-a"), Props<SubnetProperties>(inventory, Id("subnet-private-a")).RouteTableId.Value);

        var main = Props<RouteTableProperties>(inventory, Id("rtb-main"));
        Assert.True(main.IsMain.Value);
        Assert.Contains(main.Routes.Value, r => r.IsDefaultRoute && r.TargetsInternetGateway);
        var privateB = Props<RouteTableProperties>(inventory, Id("rtb-private-b"));
        Assert.False(privateB.IsMain.Value);
        Assert.Contains(privateB.Routes.Value, r => r.Destination == "0.0.0.0/0" && r.Target.StartsWith("nat-", StringComparison.Ordinal));
        Assert.Contains(privateB.Routes.Value, r => r.Destination == "::/0" && r.Target.StartsWith("eigw-", StringComparison.Ordinal));
        // The gateway endpoint's association shows as a prefix-list route too.
        Assert.Contains(Props<RouteTableProperties>(inventory, Id("rtb-private-a")).Routes.Value, r => r.Destination.StartsWith("pl-", StringComparison.Ordinal) && r.Target.StartsWith("vpce-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RelationshipsAreReferencesThatResolveInTheInventory()
    {
        var (inventory, _, _) = await CollectAsync();
        var endpoint = Props<VpcEndpointProperties>(inventory, Id("vpce-dynamodb-app"));
        Assert.Equal(new[] { Id("rtb-private-a") }, endpoint.RouteTableIds.Value);
        Assert.Equal("Gateway", endpoint.EndpointType.Value);

        var instance = inventory.Resources.Single(r => r.ResourceId == Id("app-a"));
        Assert.Equal(Id("subnet-private-a"), instance.PropertiesAs<InstanceProperties>()!.SubnetId.Value);
        Assert.NotNull(inventory.Resolve(instance, ResourceKinds.Subnet, Id("subnet-private-a")));

        var listener = inventory.Get(Id("listener-http-redirect"))!;
        var listenerProps = listener.PropertiesAs<ListenerProperties>()!;
        Assert.Equal(Id("alb-web"), listenerProps.LoadBalancerId.Value);
        Assert.NotNull(inventory.Resolve(listener, ResourceKinds.LoadBalancer, listenerProps.LoadBalancerId.Value));
        Assert.True(Assert.Single(listenerProps.DefaultActions.Value).RedirectsToHttps);
        // moto lists the load balancer once per listener that forwards to the group; AWS once. Each is kept once.
        Assert.Equal(new[] { Id("alb-web") }, Props<TargetGroupProperties>(inventory, Id("tg-web")).LoadBalancerIds.Value);

        var cluster = inventory.Get(Id("aurora-prod"))!;
        Assert.Equal(new[] { "aurora-prod-1", "aurora-prod-2" }, cluster.PropertiesAs<DbClusterProperties>()!.MemberInstanceIds.Value.Order());
        Assert.NotNull(inventory.Resolve(cluster, ResourceKinds.DbInstance, "aurora-prod-1"));
        Assert.Equal("aurora-prod", Props<DbInstanceProperties>(inventory, "aurora-prod-1").ClusterId.Value);
    }

    [Fact]
    public async Task IamDocumentsAccountSettingsAuditAndBudgetsAreRead()
    {
        var (inventory, _, _) = await CollectAsync();
        var admin = Props<ManagedPolicyProperties>(inventory, Id("policy-admin-all")).Document.Value;
        Assert.Equal(new[] { "*" }, Assert.Single(admin.Statements).Actions.Value);
        var role = Props<PrincipalProperties>(inventory, Id("role-app"));
        Assert.Equal(new[] { "iam:*" }, Assert.Single(Assert.Single(role.InlinePolicies.Value).Document.Statements).NotActions.Value);
        Assert.Equal("shop", inventory.Get(Id("role-app"))!.Tags["Project"]);

        Assert.True(Props<AccountRegionProperties>(inventory, PseudoResourceIds.AccountRegion(Account, "us-east-1")).EbsEncryptionByDefault.Value);
        var trail = Props<TrailProperties>(inventory, Id("trail-org-audit"));
        Assert.True(trail.IsMultiRegion.Value && trail.IsLogging.Value && trail.LogFileValidationEnabled.Value);
        Assert.Equal(ManagementEventCoverage.All, trail.ManagementEvents.Value);
        Assert.Equal("ENABLED", Props<DetectorProperties>(inventory, Id("detector-us-east-1")).Status.Value);
        var budget = Props<BudgetProperties>(inventory, Id("budget-shop-monthly"));
        Assert.Equal("shop", budget.Project.Value);
        Assert.Equal(new[] { "ACTUAL", "FORECASTED" }, budget.NotificationTypes.Value.Order());
        Assert.Equal(new[] { "billing", "ops", "shop" }, inventory.OfKind(ResourceKinds.Project, Account).Select(p => p.ResourceId).Order());
    }

    [Fact]
    public async Task PerResourceSettingsAndTagsFromTheTaggingApiAreMerged()
    {
        var (inventory, _, _) = await CollectAsync(keys: true);
        var secure = inventory.Get(Id("bucket-shop-secure"))!;
        Assert.Equal("us-east-1", secure.Region);
        Assert.Equal("prod", secure.Tags["Environment"]);
        var bucket = secure.PropertiesAs<BucketProperties>()!;
        Assert.Equal("aws:kms", bucket.EncryptionAlgorithm.Value);
        Assert.Equal(Id("kms-shop"), bucket.KmsKeyId.Value);
        Assert.Equal("DenyInsecureTransport", Assert.Single(bucket.Policy.Value!.Statements).Sid);
        Assert.Null(Props<BucketProperties>(inventory, "trail-logs-main").Policy.Value);
        Assert.False(Props<QueueProperties>(inventory, Id("queue-plain")).SqsManagedSseEnabled.Value);
        Assert.Equal("alias/aws/sns", Props<TopicProperties>(inventory, Id("topic-alerts")).KmsMasterKeyId.Value);
        Assert.Null(Props<TableProperties>(inventory, Id("table-carts")).SseType.Value);
        Assert.Equal(new[] { "us-east-1a", "us-east-1b" }, Props<FileSystemProperties>(inventory, Id("efs-shared")).MountTargetAvailabilityZones.Value.Order());
    }

    [Fact]
    public async Task OneListingPerKindAndRegionAndPerResourceCallsOnlyWhereAwsHasNoListing()
    {
        var (inventory, calls, _) = await CollectAsync(regions: new[] { "us-east-1", "eu-west-1" });
        foreach (var operation in new[] { "DescribeRouteTables", "DescribeSubnets", "DescribeVpcs", "DescribeVpcEndpoints", "DescribeInstances", "DescribeVolumes", "GetEbsEncryptionByDefault" })
        {
            Assert.Equal(2, calls.Count("EC2", operation));
        }

        Assert.Equal(1, calls.Count("IAM", "GetAccountAuthorizationDetails"));
        Assert.Equal(1, calls.Count("S3", "ListBuckets"));
        var buckets = inventory.OfKind(ResourceKinds.Bucket).Count();
        Assert.Equal(buckets, calls.Count("S3", "GetBucketPolicy"));
        // S3 and DynamoDB always encrypt: their key settings are read only when a customer-managed key is required.
        Assert.Equal(0, calls.Count("S3", "GetBucketEncryption"));
        Assert.Equal(0, calls.Count("DynamoDB", "DescribeTable"));
        Assert.Equal(inventory.OfKind(ResourceKinds.LoadBalancer).Count(), calls.Count("Elastic Load Balancing v2", "DescribeListeners"));
        // A multi-region trail shows in both regions but its status is read once.
        Assert.Equal(1, calls.Count("CloudTrail", "GetTrailStatus"));
        Assert.Equal(0, calls.Count("KMS", "DescribeKey"));
    }

    [Fact]
    public async Task OnlyTheListingsOfTheKindsAskedForRun()
    {
        var (inventory, calls, _) = await CollectAsync(new[] { ResourceKinds.Volume });
        Assert.Equal(new[] { "EC2:DescribeVolumes" }, calls.Snapshot().Keys);
        Assert.Empty(inventory.OfKind(ResourceKinds.Subnet));
        Assert.NotEmpty(inventory.OfKind(ResourceKinds.Volume));
    }

    [Fact]
    public async Task KeySettingsAndKeyOwnershipAreReadWhenACustomerManagedKeyIsRequired()
    {
        var (inventory, calls, _) = await CollectAsync(new[] { ResourceKinds.Bucket, ResourceKinds.Table, ResourceKinds.KmsKey }, keys: true);
        Assert.Equal(inventory.OfKind(ResourceKinds.Bucket).Count(), calls.Count("S3", "GetBucketEncryption"));
        Assert.Equal(inventory.OfKind(ResourceKinds.Table).Count(), calls.Count("DynamoDB", "DescribeTable"));
        Assert.Equal(1, calls.Count("KMS", "DescribeKey"));
        Assert.Equal("CUSTOMER", inventory.Get(Id("kms-shop"))!.PropertiesAs<KmsKeyProperties>()!.KeyManager.Value);
    }

    [Fact]
    public async Task AFailedListingIsRecordedAndMakesErrorsNotPasses()
    {
        using var proxy = new FaultInjectingProxy(_fixture.Server.Endpoint,
            (_, request) => request.BodyText.Contains("Action=DescribeRouteTables", StringComparison.Ordinal) ? InjectedFault.Http500 : InjectedFault.None);
        var (inventory, _, failures) = await CollectAsync(new[] { ResourceKinds.Instance, ResourceKinds.Subnet, ResourceKinds.RouteTable }, proxy.Endpoint);

        var failure = Assert.Single(failures);
        Assert.Equal("DescribeRouteTables", failure.Listing);
        Assert.Equal("us-east-1", failure.Region);
        Assert.Equal("ec2:route-table", Assert.Single(inventory.ListingFailures).ResourceType);
        Assert.True(Props<SubnetProperties>(inventory, Id("subnet-private-a")).RouteTableId.IsReadFailure);

        var selection = RuleCatalog.Select(null, new[] { "ec2-instance-private-subnet" }, null, null);
        var findings = new GateEvaluator(selection, new GateOptions()).Evaluate(inventory).ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(GateStatus.Error, f.Status));
    }

    [Fact]
    public async Task AFailedPerResourceCallMakesThatValueUnreadableNotTheListing()
    {
        using var proxy = new FaultInjectingProxy(_fixture.Server.Endpoint,
            (_, request) => request.Method == "GET" && request.PathAndQuery.Contains("/shop-open", StringComparison.Ordinal)
                && request.PathAndQuery.Contains("policy", StringComparison.Ordinal) ? InjectedFault.Http500 : InjectedFault.None);
        var (inventory, _, failures) = await CollectAsync(new[] { ResourceKinds.Bucket }, proxy.Endpoint);
        Assert.Empty(failures);
        Assert.True(Props<BucketProperties>(inventory, "shop-open").Policy.IsReadFailure);
        Assert.True(Props<BucketProperties>(inventory, "shop-secure").Policy.IsKnown);
    }

    [Theory]
    [InlineData(false, "[]", "[]", ManagementEventCoverage.All)]
    [InlineData(true, """[{"ReadWriteType":"WriteOnly","IncludeManagementEvents":true}]""", "[]", ManagementEventCoverage.WriteOnly)]
    [InlineData(true, """[{"ReadWriteType":"ReadOnly","IncludeManagementEvents":true},{"ReadWriteType":"WriteOnly"}]""", "[]", ManagementEventCoverage.All)]
    [InlineData(true, """[{"ReadWriteType":"All","IncludeManagementEvents":false}]""", "[]", ManagementEventCoverage.None)]
    [InlineData(true, "[]", """[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]}]""", ManagementEventCoverage.All)]
    [InlineData(true, "[]", """[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},{"Field":"readOnly","Equals":["true"]}]}]""", ManagementEventCoverage.ReadOnly)]
    [InlineData(true, "[]", """[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]}]}]""", ManagementEventCoverage.None)]
    public void ManagementEventsComeFromBasicOrAdvancedSelectors(bool custom, string basic, string advanced, ManagementEventCoverage expected)
    {
        var response = new GetEventSelectorsResponse
        {
            EventSelectors = JsonSerializer.Deserialize<List<EventSelector>>(basic)!,
            AdvancedEventSelectors = JsonSerializer.Deserialize<List<AdvancedEventSelector>>(advanced)!,
        };
        Assert.Equal(expected, AccountListings.ManagementEvents(new Trail { HasCustomEventSelectors = custom }, response));
    }
}
