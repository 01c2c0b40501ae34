using WAOps.Engine.Inventory;
using WAOps.Aws.Inventory;
using WAOps.Aws.Protocol;
using WAOps.Aws.Services.AutoScaling;
using WAOps.Aws.Services.AutoScaling.Model;
using WAOps.Aws.Services.CloudFormation;
using WAOps.Aws.Services.Sts;
using WAOps.Aws.Session;
using WAOps.Engine.Dashboards;
using WAOps.Engine.Errors;
using WAOps.Engine.Monitoring;
using WAOps.Engine.Tags;

namespace WAOps.Aws.Monitoring;

/// <summary>
/// Finds a workload's resources: by tags (the Tagging API's GetResources with tag filters, limited to the kinds
/// New-WADashboard monitors, in the session's region and, for CloudFront, in us-east-1; Auto Scaling groups through
/// DescribeAutoScalingGroups' tag filters), or by CloudFormation stack (ListStackResources, nested stacks included).
/// </summary>
public static class WorkloadDiscovery
{
    public const int MaxNestedStackDepth = 5;
    private const int MaxGroupNamesPerCall = 50;

    public static async Task<WorkloadDiscoveryResult> FindByTagsAsync(
        AwsSession session,
        IReadOnlyList<TagFilterSpec> filters,
        Action<CollectionFailure>? onFailure,
        CancellationToken cancellationToken)
    {
        if (filters.Count == 0)
        {
            throw new ArgumentException("Discovery by tags needs at least one tag filter.", nameof(filters));
        }

        var found = new Dictionary<string, ResourceReference>(StringComparer.Ordinal);
        var scans = new List<(string Region, IReadOnlyList<string> Types)> { (session.Region, MonitoredResourceTypes.TaggingApiFilters) };
        if (session.Region != MonitoredResourceTypes.GlobalRegion && AwsRegionName.Partition(session.Region) == "aws")
        {
            scans.Add((MonitoredResourceTypes.GlobalRegion, new[] { "cloudfront" }));
        }

        foreach (var (region, types) in scans)
        {
            var request = new TagScanRequest { Regions = new[] { region }, ResourceTypes = types, TagFilters = filters, IncludeServiceDiscovery = false };
            await foreach (var resource in TaggedResourceScanner.ScanAsync(session, request, null, onFailure, cancellationToken).ConfigureAwait(false))
            {
                found.TryAdd(resource.Arn, new ResourceReference(resource.Arn, resource.Region));
            }
        }

        try
        {
            await foreach (var group in new AutoScalingClient(session).DescribeAllAutoScalingGroupsAsync(AutoScalingFilters(filters), cancellationToken).ConfigureAwait(false))
            {
                if (group.AutoScalingGroupARN is { } arn && Matches(group, filters))
                {
                    found.TryAdd(arn, new ResourceReference(arn, session.Region));
                }
            }
        }
        catch (WAOpsException ex) when (!cancellationToken.IsCancellationRequested)
        {
            onFailure?.Invoke(CollectionFailure.From(null, session.Region, "DescribeAutoScalingGroups", ex));
        }

        return new WorkloadDiscoveryResult(found.Values.OrderBy(r => r.Arn, StringComparer.Ordinal).ToList(), Array.Empty<string>());
    }

    public static async Task<WorkloadDiscoveryResult> FindByStackAsync(AwsSession session, string stackName, CancellationToken cancellationToken)
    {
        var account = (await CallerIdentityGateway.GetAsync(session, cancellationToken).ConfigureAwait(false)).Account;
        var partition = AwsRegionName.Partition(session.Region);
        var found = new Dictionary<string, ResourceReference>(StringComparer.Ordinal);
        var groupNames = new List<string>();
        var notes = new List<string>();
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var client = new CloudFormationClient(session);

        async Task ReadAsync(string stack, int depth)
        {
            try
            {
                await foreach (var resource in client.ListAllStackResourcesAsync(stack, cancellationToken).ConfigureAwait(false))
                {
                    if (resource.ResourceType is null || resource.PhysicalResourceId is null || resource.ResourceStatus == "DELETE_COMPLETE")
                    {
                        continue;
                    }

                    if (resource.ResourceType == StackResourceArns.NestedStackType)
                    {
                        if (depth < MaxNestedStackDepth)
                        {
                            notes.Add($"Reading nested stack {resource.LogicalResourceId} ({resource.PhysicalResourceId}).");
                            await ReadAsync(resource.PhysicalResourceId, depth + 1).ConfigureAwait(false);
                        }
                        else
                        {
                            notes.Add($"Nested stack {resource.PhysicalResourceId} is more than {MaxNestedStackDepth} levels deep and was not read.");
                        }

                        continue;
                    }

                    if (resource.ResourceType == StackResourceArns.AutoScalingGroupType && !WAOps.Engine.Inventory.Arn.TryParse(resource.PhysicalResourceId, out _))
                    {
                        groupNames.Add(resource.PhysicalResourceId);
                        continue;
                    }

                    if (StackResourceArns.ToArn(resource.ResourceType, resource.PhysicalResourceId, partition, session.Region, account) is { } arn)
                    {
                        found.TryAdd(arn, new ResourceReference(arn, session.Region));
                    }
                    else
                    {
                        skipped[resource.ResourceType] = skipped.GetValueOrDefault(resource.ResourceType) + 1;
                    }
                }
            }
            catch (AwsServiceException ex) when (ex.ErrorCode == "ValidationError" && ex.ServiceMessage.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
            {
                throw new WAOpsException(DashboardErrorIds.StackNotFound, ErrorKind.ObjectNotFound,
                    $"The CloudFormation stack '{stack}' does not exist in {session.Region} (CloudFormation: {ex.ServiceMessage}). Nothing was written.", stack, ex)
                { RecommendedAction = "Check -StackName and -Region; stacks are regional." };
            }
        }

        await ReadAsync(stackName, 0).ConfigureAwait(false);
        if (groupNames.Count > 0)
        {
            var groups = new AutoScalingClient(session);
            foreach (var chunk in groupNames.Distinct(StringComparer.Ordinal).Chunk(MaxGroupNamesPerCall))
            {
                string? token = null;
                do
                {
                    var page = await groups.DescribeAutoScalingGroupsAsync(new DescribeAutoScalingGroupsRequest
                    {
                        AutoScalingGroupNames = chunk.ToList(),
                        MaxRecords = AutoScalingClient.MaxRecordsPerPage,
                        NextToken = token,
                    }, cancellationToken).ConfigureAwait(false);
                    foreach (var group in page.AutoScalingGroups.Where(g => g.AutoScalingGroupARN is not null))
                    {
                        found.TryAdd(group.AutoScalingGroupARN!, new ResourceReference(group.AutoScalingGroupARN!, session.Region));
                    }

                    token = page.NextToken;
                }
                while (!string.IsNullOrEmpty(token));
            }
        }

        if (skipped.Count > 0)
        {
            notes.Add("Stack resources without dashboard widgets: " + string.Join(", ", skipped.Select(s => $"{s.Key} ({s.Value})")) + ".");
        }

        return new WorkloadDiscoveryResult(found.Values.OrderBy(r => r.Arn, StringComparer.Ordinal).ToList(), notes);
    }

    private static List<Filter>? AutoScalingFilters(IReadOnlyList<TagFilterSpec> filters)
    {
        var withValues = filters.Where(f => f.Values.Count > 0).Select(f => new Filter { Name = "tag:" + f.Key, Values = f.Values.ToList() }).ToList();
        return withValues.Count > 0 ? withValues : null;
    }

    /// <summary>Every filter must hold: the key present, and its value among the filter's values when it has any.</summary>
    private static bool Matches(AutoScalingGroup group, IReadOnlyList<TagFilterSpec> filters) =>
        filters.All(f => group.Tags.Any(t => t.Key == f.Key && (f.Values.Count == 0 || f.Values.Contains(t.Value ?? string.Empty, StringComparer.Ordinal))));
}
