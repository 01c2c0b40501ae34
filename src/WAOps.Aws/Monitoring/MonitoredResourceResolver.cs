using System.Collections.Concurrent;
using Amazon.S3.Model;
using WAOps.Aws.Protocol;
using WAOps.Aws.Services.ApiGateway;
using WAOps.Aws.Services.ApiGateway.Model;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Services.Ecs;
using WAOps.Aws.Services.Ecs.Model;
using WAOps.Aws.Services.ElastiCache;
using WAOps.Aws.Services.ElastiCache.Model;
using WAOps.Aws.Services.ElasticLoadBalancingV2;
using WAOps.Aws.Services.ElasticLoadBalancingV2.Model;
using WAOps.Aws.Services.Rds;
using WAOps.Aws.Services.Rds.Model;
using WAOps.Aws.Services.Sdk;
using WAOps.Aws.Session;
using WAOps.Engine.Errors;
using WAOps.Engine.Monitoring;
using EngineArn = WAOps.Engine.Inventory.Arn;

namespace WAOps.Aws.Monitoring;

/// <summary>
/// Describes each resource for the dashboard and the alarm catalog: its kind, the region of its metrics, the
/// dimensions of its metrics and the facts the catalogs need. Most kinds are described from the ARN alone (Lambda
/// FunctionName, SQS QueueName, ALB "app/name/id", ...). Where the ARN is not enough, one batched read per kind
/// and region fills in the rest: target groups per load balancer, Container Insights per ECS cluster, Service
/// Connect and EBS volumes per ECS service, engine and nodes per cache cluster, members per replication group,
/// engine, replica and Performance Insights per DB instance and cluster, the name of each REST API, the region and
/// request-metrics filters of each bucket. A read that fails leaves the resource with what its ARN says, and a
/// warning.
/// </summary>
public static class MonitoredResourceResolver
{
    private const int Concurrency = 4;
    private const int TargetGroupArnsPerCall = 20;

    public static async Task<ResolveResult> ResolveAsync(AwsSession session, IReadOnlyList<ResourceReference> references, CancellationToken cancellationToken)
    {
        var run = new Resolution(session, cancellationToken);
        foreach (var reference in references.DistinctBy(r => r.Arn, StringComparer.Ordinal))
        {
            run.Classify(reference);
        }

        await run.EnrichAsync().ConfigureAwait(false);
        return new ResolveResult(
            run.Resources.Values.OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Arn, StringComparer.Ordinal).ToList(),
            run.Ignored.OrderBy(i => i.Arn, StringComparer.Ordinal).ToList(),
            run.Warnings.ToList());
    }

    private sealed class Resolution
    {
        private readonly AwsSession _session;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<string, RegionWork> _regions = new(StringComparer.Ordinal);

        public Resolution(AwsSession session, CancellationToken cancellationToken)
        {
            _session = session;
            _cancellationToken = cancellationToken;
        }

        public ConcurrentDictionary<string, MonitoredResource> Resources { get; } = new(StringComparer.Ordinal);

        public ConcurrentBag<IgnoredResource> Ignored { get; } = new();

        public ConcurrentQueue<string> Warnings { get; } = new();

        public void Classify(ResourceReference reference)
        {
            var classified = ArnClassifier.Classify(reference);
            var work = Work(classified.Region);
            var arn = classified.Arn;
            switch (classified.Class)
            {
                case ArnClass.Described:
                    Add(classified.Resource!);
                    break;
                case ArnClass.LoadBalancer:
                    work.LoadBalancers.Add(arn);
                    break;
                case ArnClass.TargetGroup:
                    work.TargetGroups.Add(arn);
                    break;
                case ArnClass.EcsCluster:
                    work.EcsClusters.TryAdd(classified.Key!, arn);
                    break;
                case ArnClass.EcsService:
                    work.EcsServices.Add((classified.Key!, classified.Key2!, arn));
                    break;
                case ArnClass.CacheCluster:
                    work.CacheClusters.TryAdd(classified.Key!, arn);
                    break;
                case ArnClass.ReplicationGroup:
                    work.ReplicationGroups.TryAdd(classified.Key!, arn);
                    break;
                case ArnClass.DbInstance:
                    work.DbInstances.TryAdd(classified.Key!, arn);
                    break;
                case ArnClass.DbCluster:
                    work.DbClusters.TryAdd(classified.Key!, arn);
                    break;
                case ArnClass.Bucket:
                    work.Buckets.Add((classified.Key!, arn));
                    break;
                case ArnClass.RestApi:
                    work.RestApis.Add((classified.Key!, classified.Key2, arn));
                    break;
                default:
                    Ignore(arn, classified.Reason ?? "it is not monitored.");
                    break;
            }
        }

        public async Task EnrichAsync()
        {
            var tasks = new List<Task>();
            foreach (var (region, work) in _regions)
            {
                var regional = _session.WithRegion(region);
                tasks.Add(LoadBalancersAsync(regional, work));
                tasks.Add(EcsAsync(regional, work));
                tasks.Add(CachesAsync(regional, work));
                tasks.Add(DatabasesAsync(regional, work));
                tasks.Add(RestApisAsync(regional, work));
                tasks.Add(BucketsAsync(regional, work));
            }

            await Task.WhenAll(tasks).ConfigureAwait(false);
        }

        private async Task LoadBalancersAsync(AwsSession session, RegionWork work)
        {
            if (work.LoadBalancers.Count == 0 && work.TargetGroups.Count == 0)
            {
                return;
            }

            var client = new ElasticLoadBalancingV2Client(session);
            var inWorkload = work.LoadBalancers.ToHashSet(StringComparer.Ordinal);
            await Parallel.ForEachAsync(work.LoadBalancers, Options(), async (arn, ct) =>
            {
                var groups = new List<string>();
                try
                {
                    await foreach (var group in client.DescribeAllTargetGroupsAsync(arn, ct).ConfigureAwait(false))
                    {
                        if (group.TargetGroupArn is not null && EngineArn.TryParse(group.TargetGroupArn, out var groupArn))
                        {
                            groups.Add(groupArn.Resource);
                        }
                    }
                }
                catch (AwsServiceException ex) when (ex.ErrorCode == "LoadBalancerNotFound")
                {
                    Ignore(arn, "the load balancer does not exist.");
                    return;
                }
                catch (WAOpsException ex) when (!ct.IsCancellationRequested)
                {
                    Warnings.Enqueue($"The target groups of {arn} could not be read ({ex.Message}); it is shown without target health.");
                }

                var parsed = EngineArn.Parse(arn);
                var dimension = parsed.Resource["loadbalancer/".Length..];
                var network = dimension.StartsWith("net/", StringComparison.Ordinal);
                Add(new MonitoredResource(network ? MonitoredKind.NetworkLoadBalancer : MonitoredKind.ApplicationLoadBalancer, arn, session.Region,
                    dimension.Split('/')[1], new[] { new MetricDimension("LoadBalancer", dimension) },
                    new Dictionary<string, IReadOnlyList<string>> { ["TargetGroup"] = groups }));
            }).ConfigureAwait(false);

            foreach (var chunk in work.TargetGroups.Chunk(TargetGroupArnsPerCall))
            {
                List<TargetGroup> groups;
                try
                {
                    groups = (await client.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { TargetGroupArns = chunk.ToList() }, _cancellationToken).ConfigureAwait(false)).TargetGroups;
                }
                catch (AwsServiceException ex) when (ex.ErrorCode == "TargetGroupNotFound")
                {
                    // One missing group fails the whole call: ask for each on its own.
                    groups = new List<TargetGroup>();
                    foreach (var arn in chunk)
                    {
                        try
                        {
                            groups.AddRange((await client.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { TargetGroupArns = new() { arn } }, _cancellationToken).ConfigureAwait(false)).TargetGroups);
                        }
                        catch (AwsServiceException missing) when (missing.ErrorCode == "TargetGroupNotFound")
                        {
                            Ignore(arn, "the target group does not exist.");
                        }
                    }
                }

                foreach (var group in groups.Where(g => g.TargetGroupArn is not null))
                {
                    var attached = group.LoadBalancerArns.Where(l => !inWorkload.Contains(l)).ToList();
                    if (group.LoadBalancerArns.Count == 0)
                    {
                        Ignore(group.TargetGroupArn!, "the target group is attached to no load balancer, so it publishes no metrics.");
                        continue;
                    }

                    foreach (var balancer in attached)
                    {
                        var lb = EngineArn.Parse(balancer).Resource["loadbalancer/".Length..];
                        var tg = EngineArn.Parse(group.TargetGroupArn!).Resource;
                        var key = attached.Count == 1 ? group.TargetGroupArn! : $"{group.TargetGroupArn}#{lb}";
                        Add(new MonitoredResource(MonitoredKind.TargetGroup, group.TargetGroupArn!, session.Region, $"{lb.Split('/')[1]}/{group.TargetGroupName}",
                            new[] { new MetricDimension("TargetGroup", tg), new MetricDimension("LoadBalancer", lb) },
                            attributes: new Dictionary<string, string> { [MonitoredAttributes.LoadBalancerType] = lb.StartsWith("net/", StringComparison.Ordinal) ? "network" : "application" }),
                            key);
                    }
                }
            }
        }

        private async Task EcsAsync(AwsSession session, RegionWork work)
        {
            if (work.EcsClusters.Count == 0 && work.EcsServices.Count == 0)
            {
                return;
            }

            var client = new EcsClient(session);
            var clusterNames = work.EcsClusters.Keys.Concat(work.EcsServices.Select(s => s.Cluster)).Distinct(StringComparer.Ordinal).ToList();
            var insights = new Dictionary<string, string>(StringComparer.Ordinal);
            var missing = new HashSet<string>(StringComparer.Ordinal);
            var known = true;
            try
            {
                foreach (var chunk in clusterNames.Chunk(EcsClient.MaxClustersPerDescribe))
                {
                    var response = await client.DescribeClustersAsync(new DescribeClustersRequest { Clusters = chunk.ToList(), Include = new() { "SETTINGS" } }, _cancellationToken).ConfigureAwait(false);
                    foreach (var cluster in response.Clusters.Where(c => c.ClusterName is not null))
                    {
                        if (cluster.Status == "INACTIVE")
                        {
                            missing.Add(cluster.ClusterName!);
                            continue;
                        }

                        insights[cluster.ClusterName!] = cluster.Settings.FirstOrDefault(s => s.Name == "containerInsights")?.Value ?? "disabled";
                    }

                    foreach (var failure in response.Failures)
                    {
                        missing.Add(failure.Arn?.Split('/').Last() ?? string.Empty);
                    }
                }
            }
            catch (WAOpsException ex) when (!_cancellationToken.IsCancellationRequested)
            {
                known = false;
                Warnings.Enqueue($"ECS clusters in {session.Region} could not be described ({ex.Message}); they are shown without Container Insights.");
            }

            foreach (var (name, arn) in work.EcsClusters)
            {
                if (known && missing.Contains(name))
                {
                    Ignore(arn, "the ECS cluster does not exist.");
                    continue;
                }

                Add(new MonitoredResource(MonitoredKind.EcsCluster, arn, session.Region, name, new[] { new MetricDimension("ClusterName", name) },
                    attributes: new Dictionary<string, string> { [MonitoredAttributes.ContainerInsights] = insights.GetValueOrDefault(name, "disabled") }));
            }

            foreach (var cluster in work.EcsServices.GroupBy(s => s.Cluster, StringComparer.Ordinal))
            {
                if (known && missing.Contains(cluster.Key))
                {
                    foreach (var service in cluster)
                    {
                        Ignore(service.Arn, $"its ECS cluster {cluster.Key} does not exist.");
                    }

                    continue;
                }

                var details = new Dictionary<string, Service>(StringComparer.Ordinal);
                var serviceMissing = new HashSet<string>(StringComparer.Ordinal);
                var read = true;
                try
                {
                    foreach (var chunk in cluster.Select(s => s.Service).Chunk(EcsClient.MaxServicesPerDescribe))
                    {
                        var response = await client.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster.Key, Services = chunk.ToList() }, _cancellationToken).ConfigureAwait(false);
                        foreach (var service in response.Services.Where(s => s.ServiceName is not null))
                        {
                            if (service.Status == "INACTIVE")
                            {
                                serviceMissing.Add(service.ServiceName!);
                            }
                            else
                            {
                                details[service.ServiceName!] = service;
                            }
                        }

                        foreach (var failure in response.Failures)
                        {
                            serviceMissing.Add(failure.Arn?.Split('/').Last() ?? string.Empty);
                        }
                    }
                }
                catch (WAOpsException ex) when (!_cancellationToken.IsCancellationRequested)
                {
                    read = false;
                    Warnings.Enqueue($"The services of ECS cluster {cluster.Key} could not be described ({ex.Message}); they are shown without Service Connect and EBS facts.");
                }

                foreach (var (clusterName, serviceName, arn) in cluster)
                {
                    if (read && serviceMissing.Contains(serviceName))
                    {
                        Ignore(arn, "the ECS service does not exist.");
                        continue;
                    }

                    details.TryGetValue(serviceName, out var service);
                    var deployments = service?.Deployments ?? new List<Deployment>();
                    Add(new MonitoredResource(MonitoredKind.EcsService, arn, session.Region, $"{clusterName}/{serviceName}",
                        new[] { new MetricDimension("ClusterName", clusterName), new MetricDimension("ServiceName", serviceName) },
                        attributes: new Dictionary<string, string>
                        {
                            [MonitoredAttributes.ContainerInsights] = insights.GetValueOrDefault(clusterName, "disabled"),
                            [MonitoredAttributes.ServiceConnect] = deployments.Any(d => d.ServiceConnectConfiguration?.Enabled == true) ? "true" : "false",
                            [MonitoredAttributes.EbsVolumes] = deployments.Any(d => d.VolumeConfigurations.Count > 0) ? "true" : "false",
                        }));
                }
            }
        }

        private async Task CachesAsync(AwsSession session, RegionWork work)
        {
            if (work.CacheClusters.Count == 0 && work.ReplicationGroups.Count == 0)
            {
                return;
            }

            var client = new ElastiCacheClient(session);
            var clusters = new Dictionary<string, CacheCluster>(StringComparer.Ordinal);
            try
            {
                await foreach (var cluster in client.DescribeAllCacheClustersWithNodesAsync(_cancellationToken).ConfigureAwait(false))
                {
                    if (cluster.CacheClusterId is not null)
                    {
                        clusters[cluster.CacheClusterId] = cluster;
                    }
                }

                var wanted = new Dictionary<string, string>(work.CacheClusters, StringComparer.Ordinal);
                if (work.ReplicationGroups.Count > 0)
                {
                    var groups = new HashSet<string>(work.ReplicationGroups.Keys, StringComparer.Ordinal);
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    await foreach (var group in client.DescribeAllReplicationGroupsAsync(_cancellationToken).ConfigureAwait(false))
                    {
                        if (group.ReplicationGroupId is null || !groups.Contains(group.ReplicationGroupId))
                        {
                            continue;
                        }

                        seen.Add(group.ReplicationGroupId);
                        foreach (var member in group.MemberClusters)
                        {
                            wanted.TryAdd(member, clusters.TryGetValue(member, out var c) && c.ARN is not null ? c.ARN : $"arn:{AwsRegionName.Partition(session.Region)}:elasticache:{session.Region}:{AccountOf(group.ARN)}:cluster:{member}");
                        }
                    }

                    foreach (var missingGroup in groups.Except(seen))
                    {
                        Ignore(work.ReplicationGroups[missingGroup], "the replication group does not exist.");
                    }
                }

                foreach (var (id, arn) in wanted)
                {
                    if (!clusters.TryGetValue(id, out var cluster))
                    {
                        Ignore(arn, "the cache cluster does not exist.");
                        continue;
                    }

                    var engine = cluster.Engine ?? string.Empty;
                    if (!engine.Equals("redis", StringComparison.OrdinalIgnoreCase) && !engine.Equals("valkey", StringComparison.OrdinalIgnoreCase))
                    {
                        Ignore(arn, $"its engine is {engine}; New-WADashboard covers ElastiCache for Redis OSS and Valkey.");
                        continue;
                    }

                    var attributes = new Dictionary<string, string> { [MonitoredAttributes.Engine] = engine.ToLowerInvariant() };
                    if (cluster.ReplicationGroupId is { } group)
                    {
                        attributes[MonitoredAttributes.ReplicationGroup] = group;
                    }

                    Add(new MonitoredResource(MonitoredKind.ElastiCacheCluster, cluster.ARN ?? arn, session.Region, id, new[] { new MetricDimension("CacheClusterId", id) },
                        new Dictionary<string, IReadOnlyList<string>> { ["CacheNodeId"] = NodeIds(cluster) },
                        attributes));
                }
            }
            catch (WAOpsException ex) when (!_cancellationToken.IsCancellationRequested)
            {
                Warnings.Enqueue($"ElastiCache in {session.Region} could not be described ({ex.Message}); its clusters are shown from their ARNs, without node alarms.");
                foreach (var (id, arn) in work.CacheClusters)
                {
                    Add(new MonitoredResource(MonitoredKind.ElastiCacheCluster, arn, session.Region, id, new[] { new MetricDimension("CacheClusterId", id) }));
                }
            }
        }

        private async Task DatabasesAsync(AwsSession session, RegionWork work)
        {
            var client = new RdsClient(session);
            if (work.DbInstances.Count > 0)
            {
                var instances = new Dictionary<string, DBInstance>(StringComparer.Ordinal);
                var read = true;
                try
                {
                    await foreach (var instance in client.DescribeAllDBInstancesAsync(cancellationToken: _cancellationToken).ConfigureAwait(false))
                    {
                        if (instance.DBInstanceIdentifier is not null)
                        {
                            instances[instance.DBInstanceIdentifier] = instance;
                        }
                    }
                }
                catch (WAOpsException ex) when (!_cancellationToken.IsCancellationRequested)
                {
                    read = false;
                    Warnings.Enqueue($"RDS instances in {session.Region} could not be described ({ex.Message}); they get only the alarms of every engine.");
                }

                foreach (var (id, arn) in work.DbInstances)
                {
                    var attributes = new Dictionary<string, string>();
                    if (read)
                    {
                        if (!instances.TryGetValue(id, out var instance))
                        {
                            Ignore(arn, "the DB instance does not exist.");
                            continue;
                        }

                        attributes[MonitoredAttributes.Engine] = instance.Engine ?? string.Empty;
                        attributes[MonitoredAttributes.ReadReplica] = instance.ReadReplicaSourceDBInstanceIdentifier is null ? "false" : "true";
                        attributes[MonitoredAttributes.PerformanceInsights] = instance.PerformanceInsightsEnabled == true ? "true" : "false";
                    }

                    Add(new MonitoredResource(MonitoredKind.RdsInstance, arn, session.Region, id, new[] { new MetricDimension("DBInstanceIdentifier", id) }, attributes: attributes));
                }
            }

            if (work.DbClusters.Count > 0)
            {
                var clusters = new Dictionary<string, DBCluster>(StringComparer.Ordinal);
                var read = true;
                try
                {
                    await foreach (var cluster in client.DescribeAllDBClustersAsync(_cancellationToken).ConfigureAwait(false))
                    {
                        if (cluster.DBClusterIdentifier is not null)
                        {
                            clusters[cluster.DBClusterIdentifier] = cluster;
                        }
                    }
                }
                catch (WAOpsException ex) when (!_cancellationToken.IsCancellationRequested)
                {
                    read = false;
                    Warnings.Enqueue($"RDS clusters in {session.Region} could not be described ({ex.Message}); they get only the alarms of every Aurora engine.");
                }

                foreach (var (id, arn) in work.DbClusters)
                {
                    var attributes = new Dictionary<string, string>();
                    if (read)
                    {
                        if (!clusters.TryGetValue(id, out var cluster))
                        {
                            Ignore(arn, "the DB cluster does not exist.");
                            continue;
                        }

                        var engine = cluster.Engine ?? string.Empty;
                        if (!engine.StartsWith("aurora", StringComparison.OrdinalIgnoreCase))
                        {
                            Ignore(arn, $"it is a Multi-AZ DB cluster ({engine}), not Aurora; its instances are monitored as DB instances.");
                            continue;
                        }

                        attributes[MonitoredAttributes.Engine] = engine;
                        attributes[MonitoredAttributes.BinlogReplica] = cluster.ReplicationSourceIdentifier is null ? "false" : "true";
                    }

                    Add(new MonitoredResource(MonitoredKind.AuroraCluster, arn, session.Region, id, new[] { new MetricDimension("DBClusterIdentifier", id) }, attributes: attributes));
                }
            }
        }

        private async Task RestApisAsync(AwsSession session, RegionWork work)
        {
            if (work.RestApis.Count == 0)
            {
                return;
            }

            var client = new ApiGatewayClient(session);
            var names = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(work.RestApis.Select(a => a.Id).Distinct(StringComparer.Ordinal), Options(), async (id, ct) =>
            {
                try
                {
                    names[id] = (await client.GetRestApiAsync(new GetRestApiRequest { RestApiId = id }, ct).ConfigureAwait(false)).Name;
                }
                catch (AwsServiceException ex) when (ex.IsNotFound)
                {
                    names[id] = null;
                }
                catch (WAOpsException ex) when (!ct.IsCancellationRequested)
                {
                    Warnings.Enqueue($"REST API {id} could not be read ({ex.Message}); its metrics are named by the API's name, so it is left out.");
                    names[id] = null;
                }
            }).ConfigureAwait(false);

            foreach (var (id, stage, arn) in work.RestApis)
            {
                if (names.GetValueOrDefault(id) is not { } name)
                {
                    Ignore(arn, "the REST API does not exist or could not be read.");
                    continue;
                }

                var dimensions = new List<MetricDimension> { new("ApiName", name) };
                if (stage is not null)
                {
                    dimensions.Add(new MetricDimension("Stage", stage));
                }

                Add(new MonitoredResource(MonitoredKind.ApiGatewayRestApi, arn, session.Region, stage is null ? name : $"{name}/{stage}", dimensions));
            }
        }

        private async Task BucketsAsync(AwsSession session, RegionWork work)
        {
            if (work.Buckets.Count == 0)
            {
                return;
            }

            // A bucket's metrics are in the bucket's own region, which its ARN does not say.
            var regions = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            using (var s3 = AwsSdkClientFactory.CreateS3(session))
            {
                var calls = new SdkCalls(AwsSdkClientFactory.S3, session, _cancellationToken);
                await Parallel.ForEachAsync(work.Buckets, Options(), async (bucket, ct) =>
                {
                    try
                    {
                        var location = await calls.RunAsync("GetBucketLocation", c => s3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucket.Name }, c)).ConfigureAwait(false);
                        var constraint = location.Location?.Value;
                        regions[bucket.Name] = string.IsNullOrEmpty(constraint) ? "us-east-1" : constraint == "EU" ? "eu-west-1" : constraint;
                    }
                    catch (AwsServiceException ex) when (ex.ErrorCode == "NoSuchBucket")
                    {
                        Ignore(bucket.Arn, "the bucket does not exist.");
                    }
                    catch (WAOpsException ex) when (!ct.IsCancellationRequested)
                    {
                        Warnings.Enqueue($"The region of bucket {bucket.Name} could not be read ({ex.Message}); {session.Region} is assumed.");
                        regions[bucket.Name] = session.Region;
                    }
                }).ConfigureAwait(false);
            }

            // Request metrics exist only for buckets with a metrics configuration; the filters that published data
            // are listed by ListMetrics, one listing per region for all buckets.
            foreach (var region in regions.Values.Distinct(StringComparer.Ordinal))
            {
                var filters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                try
                {
                    await foreach (var metric in new CloudWatchClient(session.WithRegion(region)).ListAllMetricsAsync("AWS/S3", "AllRequests", _cancellationToken).ConfigureAwait(false))
                    {
                        var bucket = metric.Dimensions.FirstOrDefault(d => d.Name == "BucketName")?.Value;
                        var filter = metric.Dimensions.FirstOrDefault(d => d.Name == "FilterId")?.Value;
                        if (bucket is not null && filter is not null)
                        {
                            (filters.TryGetValue(bucket, out var list) ? list : filters[bucket] = new List<string>()).Add(filter);
                        }
                    }
                }
                catch (WAOpsException ex) when (!_cancellationToken.IsCancellationRequested)
                {
                    Warnings.Enqueue($"S3 request metrics in {region} could not be listed ({ex.Message}); buckets there are shown with storage metrics only.");
                }

                foreach (var (name, arn) in work.Buckets.Where(b => regions.TryGetValue(b.Name, out var r) && r == region))
                {
                    Add(new MonitoredResource(MonitoredKind.S3Bucket, arn, region, name, new[] { new MetricDimension("BucketName", name) },
                        new Dictionary<string, IReadOnlyList<string>> { ["FilterId"] = filters.GetValueOrDefault(name) ?? new List<string>() }));
                }
            }
        }

        /// <summary>
        /// The cluster's node ids. ElastiCache numbers nodes 0001, 0002, ...; where the answer lists no nodes although the
        /// cluster has some (moto 5.2.1 ignores ShowCacheNodeInfo), the ids follow from NumCacheNodes.
        /// </summary>
        private static List<string> NodeIds(CacheCluster cluster)
        {
            var listed = cluster.CacheNodes.Select(n => n.CacheNodeId).OfType<string>().ToList();
            return listed.Count > 0 || cluster.NumCacheNodes is not > 0
                ? listed
                : Enumerable.Range(1, cluster.NumCacheNodes.Value).Select(i => i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        }

        private static string AccountOf(string? arn) => arn is not null && EngineArn.TryParse(arn, out var parsed) ? parsed.Account : string.Empty;

        private ParallelOptions Options() => new() { MaxDegreeOfParallelism = Concurrency, CancellationToken = _cancellationToken };

        private RegionWork Work(string region)
        {
            if (!_regions.TryGetValue(region, out var work))
            {
                _regions[region] = work = new RegionWork();
            }

            return work;
        }

        private void Add(MonitoredResource resource, string? key = null) => Resources.TryAdd(key ?? resource.Arn, resource);

        private void Ignore(string arn, string reason) => Ignored.Add(new IgnoredResource(arn, reason));
    }

    /// <summary>The resources of one region that need a read before they can be described.</summary>
    private sealed class RegionWork
    {
        public List<string> LoadBalancers { get; } = new();

        public List<string> TargetGroups { get; } = new();

        public Dictionary<string, string> EcsClusters { get; } = new(StringComparer.Ordinal);

        public List<(string Cluster, string Service, string Arn)> EcsServices { get; } = new();

        public Dictionary<string, string> CacheClusters { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> ReplicationGroups { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> DbInstances { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> DbClusters { get; } = new(StringComparer.Ordinal);

        public List<(string Id, string? Stage, string Arn)> RestApis { get; } = new();

        public List<(string Name, string Arn)> Buckets { get; } = new();
    }
}
