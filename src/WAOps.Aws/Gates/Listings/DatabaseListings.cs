using WAOps.Aws.Services.ElastiCache;
using WAOps.Aws.Services.Rds;
using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;

namespace WAOps.Aws.Gates.Listings;

/// <summary>RDS instances and clusters, ElastiCache replication groups (with their subnets), each one paginated listing of 100 a page.</summary>
internal static class DatabaseListings
{
    public static IEnumerable<InventoryListing> All()
    {
        yield return new("DescribeDBInstances", new[] { ResourceKinds.DbInstance }, new[] { ResourceKinds.DbInstance }, false, async c =>
            c.Region.DbInstances = await ToListAsync(new RdsClient(c.Session).DescribeAllDBInstancesAsync(null, c.CancellationToken)).ConfigureAwait(false));

        yield return new("DescribeDBClusters", new[] { ResourceKinds.DbCluster }, new[] { ResourceKinds.DbCluster }, false, async c =>
            c.Region.DbClusters = await ToListAsync(new RdsClient(c.Session).DescribeAllDBClustersAsync(c.CancellationToken)).ConfigureAwait(false));

        yield return new("DescribeReplicationGroups", new[] { ResourceKinds.CacheReplicationGroup }, new[] { ResourceKinds.CacheReplicationGroup }, false, async c =>
        {
            var client = new ElastiCacheClient(c.Session);
            c.Region.ReplicationGroups = await ToListAsync(client.DescribeAllReplicationGroupsAsync(c.CancellationToken)).ConfigureAwait(false);
            if (c.Region.ReplicationGroups.Count == 0)
            {
                c.Region.ReplicationGroupSubnets = new();
                return;
            }

            // A group's subnets are those of its clusters' cache subnet group: two more listings of the region.
            var subnets = new Dictionary<string, Fact<IReadOnlyList<string>>>(StringComparer.Ordinal);
            try
            {
                var clusters = await ToListAsync(client.DescribeAllCacheClustersAsync(c.CancellationToken)).ConfigureAwait(false);
                var groups = (await ToListAsync(client.DescribeAllCacheSubnetGroupsAsync(c.CancellationToken)).ConfigureAwait(false))
                    .Where(g => g.CacheSubnetGroupName is not null)
                    .ToDictionary(g => g.CacheSubnetGroupName!, g => g.Subnets.Select(s => s.SubnetIdentifier).Where(s => s is not null).Select(s => s!).ToList(), StringComparer.Ordinal);
                foreach (var group in c.Region.ReplicationGroups.Where(g => g.ReplicationGroupId is not null))
                {
                    var nodes = clusters.Where(cluster => cluster.ReplicationGroupId == group.ReplicationGroupId).ToList();
                    if (nodes.Count == 0 && group.MemberClusters.Count > 0)
                    {
                        // Every node of a group sits in its cache subnet group; none listed means the subnets are not known
                        // (moto 5.2.1 does not list the nodes of replication groups).
                        subnets[group.ReplicationGroupId!] = Fact<IReadOnlyList<string>>.Unresolved(
                            $"DescribeCacheClusters listed none of its nodes ({string.Join(", ", group.MemberClusters)})");
                        continue;
                    }

                    var ids = nodes.Where(cluster => cluster.CacheSubnetGroupName is not null)
                        .SelectMany(cluster => groups.GetValueOrDefault(cluster.CacheSubnetGroupName!) ?? new List<string>())
                        .Distinct(StringComparer.Ordinal).ToList();
                    subnets[group.ReplicationGroupId!] = Facts.List(ids);
                }
            }
            catch (WAOpsException ex)
            {
                foreach (var group in c.Region.ReplicationGroups.Where(g => g.ReplicationGroupId is not null))
                {
                    subnets[group.ReplicationGroupId!] = Fact<IReadOnlyList<string>>.ReadFailed($"DescribeCacheClusters/DescribeCacheSubnetGroups: {ex.Message}");
                }
            }

            c.Region.ReplicationGroupSubnets = subnets;
        });
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
