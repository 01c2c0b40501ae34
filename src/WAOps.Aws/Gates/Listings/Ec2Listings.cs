using Amazon.EC2.Model;
using WAOps.Aws.Services.Sdk;
using WAOps.Engine.Inventory;

namespace WAOps.Aws.Gates.Listings;

/// <summary>
/// EC2 listings through the official EC2 package, each one paginated call at the largest page size: one
/// DescribeRouteTables serves every subnet's routing; GetEbsEncryptionByDefault is one call per region.
/// </summary>
internal static class Ec2Listings
{
    private const int MaxResults = 1000;

    public static IEnumerable<InventoryListing> All()
    {
        yield return new("DescribeVpcs", new[] { ResourceKinds.Vpc }, new[] { ResourceKinds.Vpc }, false, async c =>
            c.Region.Vpcs = await PagesAsync(c, "DescribeVpcs",
                (ec2, token, ct) => ec2.DescribeVpcsAsync(new DescribeVpcsRequest { MaxResults = MaxResults, NextToken = token }, ct),
                r => r.NextToken, r => r.Vpcs).ConfigureAwait(false));

        yield return new("DescribeSubnets", new[] { ResourceKinds.Subnet }, new[] { ResourceKinds.Subnet }, false, async c =>
            c.Region.Subnets = await PagesAsync(c, "DescribeSubnets",
                (ec2, token, ct) => ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { MaxResults = MaxResults, NextToken = token }, ct),
                r => r.NextToken, r => r.Subnets).ConfigureAwait(false));

        // Subnets need their route table association, which only DescribeRouteTables gives.
        yield return new("DescribeRouteTables", new[] { ResourceKinds.RouteTable, ResourceKinds.Subnet }, new[] { ResourceKinds.RouteTable }, false, async c =>
        {
            try
            {
                c.Region.RouteTables = await PagesAsync(c, "DescribeRouteTables",
                    (ec2, token, ct) => ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { MaxResults = 100, NextToken = token }, ct),
                    r => r.NextToken, r => r.RouteTables).ConfigureAwait(false);
            }
            catch (Engine.Errors.WAOpsException ex)
            {
                c.Region.RouteTablesFailure = $"DescribeRouteTables: {ex.Message}";
                throw;
            }
        });

        yield return new("DescribeVpcEndpoints", new[] { ResourceKinds.VpcEndpoint }, new[] { ResourceKinds.VpcEndpoint }, false, async c =>
            c.Region.VpcEndpoints = await PagesAsync(c, "DescribeVpcEndpoints",
                (ec2, token, ct) => ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { MaxResults = MaxResults, NextToken = token }, ct),
                r => r.NextToken, r => r.VpcEndpoints).ConfigureAwait(false));

        yield return new("DescribeInstances", new[] { ResourceKinds.Instance }, new[] { ResourceKinds.Instance }, false, async c =>
            c.Region.Instances = (await PagesAsync(c, "DescribeInstances",
                (ec2, token, ct) => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = MaxResults, NextToken = token }, ct),
                r => r.NextToken, r => r.Reservations).ConfigureAwait(false))
                .SelectMany(r => r.Instances ?? new List<Instance>())
                .Where(i => i.State?.Name?.Value is not ("terminated" or "shutting-down"))
                .ToList());

        yield return new("DescribeVolumes", new[] { ResourceKinds.Volume }, new[] { ResourceKinds.Volume }, false, async c =>
            c.Region.Volumes = await PagesAsync(c, "DescribeVolumes",
                (ec2, token, ct) => ec2.DescribeVolumesAsync(new DescribeVolumesRequest { MaxResults = 500, NextToken = token }, ct),
                r => r.NextToken, r => r.Volumes).ConfigureAwait(false));

        yield return new("GetEbsEncryptionByDefault", new[] { ResourceKinds.AccountRegion }, Array.Empty<ResourceKind>(), false, async c =>
        {
            using var ec2 = AwsSdkClientFactory.CreateEc2(c.Session);
            var calls = Calls(c);
            c.Region.EbsEncryptionByDefault = await ListingContext.ReadAsync("GetEbsEncryptionByDefault", async () =>
                (await calls.RunAsync("GetEbsEncryptionByDefault", ct => ec2.GetEbsEncryptionByDefaultAsync(new GetEbsEncryptionByDefaultRequest(), ct)).ConfigureAwait(false))
                    .EbsEncryptionByDefault ?? false).ConfigureAwait(false);
        });
    }

    private static SdkCalls Calls(ListingContext c) =>
        new(AwsSdkClientFactory.Ec2, c.Session, c.CancellationToken);

    private static async Task<List<TItem>> PagesAsync<TResponse, TItem>(
        ListingContext c,
        string operation,
        Func<Amazon.EC2.AmazonEC2Client, string?, CancellationToken, Task<TResponse>> call,
        Func<TResponse, string?> nextToken,
        Func<TResponse, List<TItem>?> items)
    {
        using var ec2 = AwsSdkClientFactory.CreateEc2(c.Session);
        var found = new List<TItem>();
        await Calls(c).PageAsync(operation, (token, ct) => call(ec2, token, ct), nextToken, page => found.AddRange(items(page) ?? new List<TItem>())).ConfigureAwait(false);
        return found;
    }
}
