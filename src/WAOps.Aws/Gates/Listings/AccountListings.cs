using System.Net;
using Amazon.KeyManagementService.Model;
using WAOps.Aws.Services.Budgets;
using WAOps.Aws.Services.CloudTrail;
using WAOps.Aws.Services.CloudTrail.Model;
using WAOps.Aws.Services.GuardDuty;
using WAOps.Aws.Services.GuardDuty.Model;
using WAOps.Aws.Services.Iam;
using WAOps.Aws.Services.ResourceGroupsTagging;
using WAOps.Aws.Services.ResourceGroupsTagging.Model;
using WAOps.Aws.Services.Sdk;
using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using WAOps.Engine.Tags;

namespace WAOps.Aws.Gates.Listings;

/// <summary>
/// Account-wide and audit listings: IAM (GetAccountAuthorizationDetails: every user, group, role and customer-managed
/// policy with their documents in a few pages of 1,000), CloudTrail trails (with their status and event selectors,
/// read once per trail in its home region), GuardDuty detectors, budgets with their notifications, the Tagging API's
/// tags, and the key manager of referenced KMS keys.
/// </summary>
internal static class AccountListings
{
    /// <summary>The kinds whose own listing returns no tags: their tags come from the Tagging API.</summary>
    public static readonly IReadOnlyList<ResourceKind> TaggedThroughTaggingApi = new[]
    {
        ResourceKinds.Bucket, ResourceKinds.Table, ResourceKinds.Queue, ResourceKinds.Topic, ResourceKinds.LoadBalancer,
        ResourceKinds.TargetGroup, ResourceKinds.CacheReplicationGroup, ResourceKinds.Function,
    };

    private static readonly string[] IamEntityTypes = { "User", "Role", "Group", "LocalManagedPolicy" };

    public static IEnumerable<InventoryListing> All()
    {
        var iamKinds = new[] { ResourceKinds.ManagedPolicy, ResourceKinds.Role, ResourceKinds.User, ResourceKinds.Group };
        yield return new("GetAccountAuthorizationDetails", iamKinds, iamKinds, true, async c =>
            c.Account.Iam = await DatabaseListings.ToListAsync(new IamClient(c.Session).GetAccountAuthorizationDetailsPagesAsync(IamEntityTypes, c.CancellationToken)).ConfigureAwait(false));

        yield return new("DescribeTrails", new[] { ResourceKinds.Trail }, new[] { ResourceKinds.Trail }, false, DescribeTrailsAsync);

        yield return new("ListDetectors", new[] { ResourceKinds.Detector }, new[] { ResourceKinds.Detector }, false, async c =>
        {
            var guardDuty = new GuardDutyClient(c.Session);
            var ids = await DatabaseListings.ToListAsync(guardDuty.ListAllDetectorIdsAsync(c.CancellationToken)).ConfigureAwait(false);
            c.Region.Detectors = await c.ForEachAsync(ids, async (id, ct) =>
            {
                var detector = await ListingContext.ReadAsync("GetDetector", () => guardDuty.GetDetectorAsync(new GetDetectorRequest { DetectorId = id }, ct)).ConfigureAwait(false);
                return new DetectorDetail(id, detector.Select(d => d.Status ?? "UNKNOWN"), new TagSet(detector.ValueOr(null)?.Tags ?? new Dictionary<string, string>()));
            }).ConfigureAwait(false);
        });

        yield return new("DescribeBudgets", new[] { ResourceKinds.Budget }, new[] { ResourceKinds.Budget }, true, async c =>
        {
            var gateway = new BudgetGateway(new BudgetsClient(c.Session), c.Account.AccountId, c.Account.Partition);
            var budgets = new List<BudgetDetail>();
            await foreach (var read in gateway.ListAsync(null, includeSubscribers: false, c.CancellationToken).ConfigureAwait(false))
            {
                if (read.Budget is { } budget)
                {
                    budgets.Add(new BudgetDetail(budget, Facts.List(budget.Notifications.Select(n => n.NotificationType == Engine.Budgets.BudgetNotificationType.Forecasted ? "FORECASTED" : "ACTUAL"))));
                }
                else
                {
                    // The budget was listed but its notifications could not be read.
                    var placeholder = new BudgetState(c.Account.AccountId, read.Name, null, null, "MONTHLY", "COST",
                        Engine.Budgets.BudgetCostFilters.None, Array.Empty<BudgetNotification>()) { Partition = c.Account.Partition };
                    budgets.Add(new BudgetDetail(placeholder, Fact<IReadOnlyList<string>>.ReadFailed($"DescribeNotificationsForBudget: {read.Error?.Message}")));
                }
            }

            c.Account.Budgets = budgets;
        });
    }

    /// <summary>The Tagging API listing of a region: tags by ARN for the kinds whose own listing has none.</summary>
    public static InventoryListing Tags { get; } = new("GetResources", TaggedThroughTaggingApi, Array.Empty<ResourceKind>(), false, async c =>
    {
        try
        {
            var tags = new Dictionary<string, TagSet>(StringComparer.Ordinal);
            var template = new GetResourcesRequest { ResourcesPerPage = ResourceGroupsTaggingClient.MaxResourcesPerPage };
            await foreach (var page in new ResourceGroupsTaggingClient(c.Session).GetResourcesPagesAsync(template, c.CancellationToken).ConfigureAwait(false))
            {
                foreach (var mapping in page.ResourceTagMappingList.Where(m => m.ResourceARN is not null))
                {
                    tags[mapping.ResourceARN!] = mapping.Tags.ToTagSet();
                }
            }

            c.Region.Tags = tags;
        }
        catch (WAOpsException ex)
        {
            c.Region.TagsFailure = $"GetResources: {ex.Message}";
            throw;
        }
    });

    private static async Task DescribeTrailsAsync(ListingContext c)
    {
        var cloudTrail = new CloudTrailClient(c.Session);
        var trails = (await cloudTrail.DescribeTrailsAsync(new DescribeTrailsRequest { IncludeShadowTrails = true }, c.CancellationToken).ConfigureAwait(false)).TrailList;
        c.Region.Trails = await c.ForEachAsync(trails.Where(t => t.TrailARN is not null), (trail, ct) =>
            // A multi-region trail shows in every region: its status is read once, in its home region. GetOrAdd may run
            // its factory in two regions at once and keep one result; the Lazy makes sure only the kept one reads.
            c.Account.TrailDetails.GetOrAdd(trail.TrailARN!, _ => new Lazy<Task<TrailDetail>>(() => ReadTrailAsync(c, trail, ct))).Value).ConfigureAwait(false);
    }

    private static async Task<TrailDetail> ReadTrailAsync(ListingContext c, Trail trail, CancellationToken cancellationToken)
    {
        var home = new CloudTrailClient(c.Session.WithRegion(trail.HomeRegion ?? c.Session.Region));
        var logging = await ListingContext.ReadAsync("GetTrailStatus", async () =>
            (await home.GetTrailStatusAsync(new GetTrailStatusRequest { Name = trail.TrailARN }, cancellationToken).ConfigureAwait(false)).IsLogging ?? false).ConfigureAwait(false);
        var events = await ListingContext.ReadAsync("GetEventSelectors", async () =>
            ManagementEvents(trail, await home.GetEventSelectorsAsync(new GetEventSelectorsRequest { TrailName = trail.TrailARN }, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        return new TrailDetail(trail, logging, events);
    }

    /// <summary>
    /// Which management events the selectors record: basic selectors by ReadWriteType, advanced by eventCategory and
    /// readOnly. A trail without custom event selectors records all management events (AWS returns that default
    /// selector; moto 5.2.1 returns none).
    /// </summary>
    internal static ManagementEventCoverage ManagementEvents(Trail trail, GetEventSelectorsResponse selectors)
    {
        if (trail.HasCustomEventSelectors != true && selectors.EventSelectors.Count == 0 && selectors.AdvancedEventSelectors.Count == 0)
        {
            return ManagementEventCoverage.All;
        }

        bool read = false, write = false;
        foreach (var selector in selectors.EventSelectors.Where(s => s.IncludeManagementEvents != false))
        {
            switch (selector.ReadWriteType)
            {
                case "ReadOnly":
                    read = true;
                    break;
                case "WriteOnly":
                    write = true;
                    break;
                default:
                    read = write = true;
                    break;
            }
        }

        foreach (var selector in selectors.AdvancedEventSelectors)
        {
            var category = selector.FieldSelectors.FirstOrDefault(f => f.Field == "eventCategory");
            if (category is null || !category.EqualTo.Contains("Management"))
            {
                continue;
            }

            var readOnly = selector.FieldSelectors.FirstOrDefault(f => f.Field == "readOnly");
            var value = readOnly?.EqualTo.FirstOrDefault();
            read |= value is null or "true";
            write |= value is null or "false";
        }

        return (read, write) switch
        {
            (true, true) => ManagementEventCoverage.All,
            (true, false) => ManagementEventCoverage.ReadOnly,
            (false, true) => ManagementEventCoverage.WriteOnly,
            _ => ManagementEventCoverage.None,
        };
    }

    /// <summary>
    /// After the listings: the key manager of each KMS key id or ARN the collected resources are encrypted with
    /// (aliases need no call: alias/aws/* are AWS's, other aliases customers'), one DescribeKey per key in parallel.
    /// </summary>
    public static async Task ResolveKeysAsync(Session.AwsSession session, AccountCollection account, Func<IEnumerable<string>, Func<string, CancellationToken, Task>, Task> forEach)
    {
        var references = new List<(string Reference, string Region)>();
        foreach (var region in account.Regions.Values)
        {
            references.AddRange((region.Tables ?? new()).Select(t => t.KmsKeyArn.ValueOr(null)).Where(k => k is not null).Select(k => (k!, region.Region)));
            references.AddRange((region.Queues ?? new()).Select(q => q.KmsMasterKeyId.ValueOr(null)).Where(k => k is not null).Select(k => (k!, region.Region)));
            references.AddRange((region.Topics ?? new()).Select(t => t.KmsMasterKeyId.ValueOr(null)).Where(k => k is not null).Select(k => (k!, region.Region)));
        }

        references.AddRange((account.Buckets ?? new()).Select(b => (b.KmsKeyId.ValueOr(null), b.Region)).Where(k => k.Item1 is not null).Select(k => (k.Item1!, k.Region)));
        var keys = references.Where(r => !r.Reference.Contains("alias/", StringComparison.Ordinal)).Distinct().ToDictionary(r => $"{r.Region}|{r.Reference}", r => r, StringComparer.Ordinal);
        await forEach(keys.Keys, async (key, ct) =>
        {
            var (reference, region) = keys[key];
            var regional = session.WithRegion(region);
            using var kms = AwsSdkClientFactory.CreateKms(regional);
            var calls = new SdkCalls(AwsSdkClientFactory.Kms, regional, ct);
            try
            {
                var metadata = (await calls.RunAsync("DescribeKey", t => kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = reference }, t)).ConfigureAwait(false)).KeyMetadata;
                account.Keys[key] = new KeyDetail(reference, region, metadata?.Arn, metadata?.KeyId, metadata?.KeyManager?.Value ?? "UNKNOWN");
            }
            catch (WAOpsException ex) when (!ct.IsCancellationRequested)
            {
                account.Fail(region, $"DescribeKey {WebUtility.UrlEncode(reference)}", ex, ResourceKinds.KmsKey);
            }
        }).ConfigureAwait(false);
    }
}
