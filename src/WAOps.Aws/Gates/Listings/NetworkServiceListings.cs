using WAOps.Aws.Services.Efs;
using WAOps.Aws.Services.ElasticLoadBalancingV2;
using WAOps.Aws.Services.ElasticLoadBalancingV2.Model;
using WAOps.Aws.Services.Lambda;
using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;

namespace WAOps.Aws.Gates.Listings;

/// <summary>
/// EFS file systems (with their mount targets), load balancers (with their listeners), target groups and Lambda
/// functions. Mount targets and listeners have no account-wide listing: they are asked per file system and per load
/// balancer, in parallel under the per-resource bound.
/// </summary>
internal static class NetworkServiceListings
{
    public static IEnumerable<InventoryListing> All()
    {
        yield return new("DescribeFileSystems", new[] { ResourceKinds.FileSystem }, new[] { ResourceKinds.FileSystem }, false, async c =>
        {
            var client = new EfsClient(c.Session);
            var fileSystems = await DatabaseListings.ToListAsync(client.DescribeAllFileSystemsAsync(c.CancellationToken)).ConfigureAwait(false);
            c.Region.FileSystems = await c.ForEachAsync(fileSystems, async (fs, ct) =>
            {
                var zones = await ListingContext.ReadAsync("DescribeMountTargets", async () => (IReadOnlyList<string>)(await DatabaseListings.ToListAsync(client.DescribeAllMountTargetsAsync(fs.FileSystemId!, ct)).ConfigureAwait(false))
                    .Select(m => m.AvailabilityZoneName).Where(z => z is not null).Select(z => z!).ToList()).ConfigureAwait(false);
                return (fs, zones);
            }).ConfigureAwait(false);
        });

        yield return new("DescribeLoadBalancers", new[] { ResourceKinds.LoadBalancer, ResourceKinds.Listener }, new[] { ResourceKinds.LoadBalancer, ResourceKinds.Listener }, false, async c =>
        {
            var client = new ElasticLoadBalancingV2Client(c.Session);
            c.Region.LoadBalancers = await DatabaseListings.ToListAsync(client.DescribeAllLoadBalancersAsync(c.CancellationToken)).ConfigureAwait(false);

            var listeners = await c.ForEachAsync(c.Region.LoadBalancers.Where(lb => lb.LoadBalancerArn is not null), async (lb, ct) =>
            {
                try
                {
                    return await DatabaseListings.ToListAsync(client.DescribeAllListenersAsync(lb.LoadBalancerArn!, ct)).ConfigureAwait(false);
                }
                catch (WAOpsException ex) when (!ct.IsCancellationRequested)
                {
                    c.Account.Fail(c.Region.Region, $"DescribeListeners {lb.LoadBalancerName}", ex, ResourceKinds.Listener);
                    return new List<Listener>();
                }
            }).ConfigureAwait(false);
            c.Region.Listeners = listeners.SelectMany(l => l).ToList();
        });

        yield return new("DescribeTargetGroups", new[] { ResourceKinds.TargetGroup }, new[] { ResourceKinds.TargetGroup }, false, async c =>
            c.Region.TargetGroups = await DatabaseListings.ToListAsync(new ElasticLoadBalancingV2Client(c.Session).DescribeAllTargetGroupsAsync(cancellationToken: c.CancellationToken)).ConfigureAwait(false));

        yield return new("ListFunctions", new[] { ResourceKinds.Function }, new[] { ResourceKinds.Function }, false, async c =>
            c.Region.Functions = await DatabaseListings.ToListAsync(new LambdaClient(c.Session).ListAllFunctionsAsync(c.CancellationToken)).ConfigureAwait(false));
    }
}
