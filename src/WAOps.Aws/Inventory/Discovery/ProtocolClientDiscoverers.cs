using WAOps.Aws.Services.Ecs;
using WAOps.Aws.Services.Efs;
using WAOps.Aws.Services.ElastiCache;
using WAOps.Aws.Services.ElasticLoadBalancingV2;
using WAOps.Aws.Services.Lambda;
using WAOps.Aws.Services.Rds;
using WAOps.Aws.Services.Sns;
using WAOps.Engine.Inventory;

namespace WAOps.Aws.Inventory.Discovery;

/// <summary>
/// The kinds listed through WAOps' own protocol clients. Each is a short streaming listing; they share
/// this file because each differs only in the call, the ARN and where tags come from (RDS and EFS return
/// tags with the listing; the others leave tags to the Tagging API).
/// </summary>
public abstract class StreamingDiscoverer : IResourceDiscoverer
{
    public abstract string ResourceType { get; }

    public async Task<IReadOnlyList<InventoryResource>> DiscoverAsync(DiscoveryContext context, CancellationToken cancellationToken)
    {
        var found = new List<InventoryResource>();
        await foreach (var resource in ListAsync(context, cancellationToken).ConfigureAwait(false))
        {
            found.Add(resource);
        }

        return found;
    }

    protected abstract IAsyncEnumerable<InventoryResource> ListAsync(DiscoveryContext context, CancellationToken cancellationToken);
}

public sealed class RdsInstanceDiscoverer : StreamingDiscoverer
{
    public override string ResourceType => "rds:db";

    protected override async IAsyncEnumerable<InventoryResource> ListAsync(DiscoveryContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var db in new RdsClient(context.Session).DescribeAllDBInstancesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return context.Resource(db.DBInstanceArn ?? context.Arn("rds", $"db:{db.DBInstanceIdentifier}"),
                DiscoveryContext.Pairs(db.TagList, t => t.Key, t => t.Value), db.DBInstanceIdentifier);
        }
    }
}

public sealed class RdsClusterDiscoverer : StreamingDiscoverer
{
    public override string ResourceType => "rds:cluster";

    protected override async IAsyncEnumerable<InventoryResource> ListAsync(DiscoveryContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var cluster in new RdsClient(context.Session).DescribeAllDBClustersAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return context.Resource(cluster.DBClusterArn ?? context.Arn("rds", $"cluster:{cluster.DBClusterIdentifier}"),
                DiscoveryContext.Pairs(cluster.TagList, t => t.Key, t => t.Value), cluster.DBClusterIdentifier);
        }
    }
}

public sealed class LambdaFunctionDiscoverer : StreamingDiscoverer
{
    public override string ResourceType => "lambda:function";

    protected override async IAsyncEnumerable<InventoryResource> ListAsync(DiscoveryContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var function in new LambdaClient(context.Session).ListAllFunctionsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return context.Resource(function.FunctionArn ?? context.Arn("lambda", $"function:{function.FunctionName}"), null, function.FunctionName);
        }
    }
}

public sealed class SnsTopicDiscoverer : StreamingDiscoverer
{
    public override string ResourceType => "sns:topic";

    protected override async IAsyncEnumerable<InventoryResource> ListAsync(DiscoveryContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var arn in new SnsClient(context.Session).ListAllTopicArnsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return context.Resource(arn, null, arn[(arn.LastIndexOf(':') + 1)..]);
        }
    }
}

public sealed class LoadBalancerDiscoverer : StreamingDiscoverer
{
    public override string ResourceType => "elasticloadbalancing:loadbalancer";

    protected override async IAsyncEnumerable<InventoryResource> ListAsync(DiscoveryContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var balancer in new ElasticLoadBalancingV2Client(context.Session).DescribeAllLoadBalancersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (balancer.LoadBalancerArn is not null)
            {
                yield return context.Resource(balancer.LoadBalancerArn, null, balancer.LoadBalancerName);
            }
        }
    }
}

public sealed class EcsClusterDiscoverer : StreamingDiscoverer
{
    public override string ResourceType => "ecs:cluster";

    protected override async IAsyncEnumerable<InventoryResource> ListAsync(DiscoveryContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var arn in new EcsClient(context.Session).ListAllClusterArnsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return context.Resource(arn, null, arn[(arn.LastIndexOf('/') + 1)..]);
        }
    }
}

public sealed class EcsServiceDiscoverer : StreamingDiscoverer
{
    public override string ResourceType => "ecs:service";

    protected override async IAsyncEnumerable<InventoryResource> ListAsync(DiscoveryContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Services are listed per cluster: one ListServices listing for each cluster.
        var ecs = new EcsClient(context.Session);
        await foreach (var cluster in ecs.ListAllClusterArnsAsync(cancellationToken).ConfigureAwait(false))
        {
            await foreach (var arn in ecs.ListAllServiceArnsAsync(cluster, cancellationToken).ConfigureAwait(false))
            {
                yield return context.Resource(arn, null, arn[(arn.LastIndexOf('/') + 1)..]);
            }
        }
    }
}

public sealed class ElastiCacheClusterDiscoverer : StreamingDiscoverer
{
    public override string ResourceType => "elasticache:cluster";

    protected override async IAsyncEnumerable<InventoryResource> ListAsync(DiscoveryContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var cluster in new ElastiCacheClient(context.Session).DescribeAllCacheClustersAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return context.Resource(cluster.ARN ?? context.Arn("elasticache", $"cluster:{cluster.CacheClusterId}"), null, cluster.CacheClusterId);
        }
    }
}

public sealed class EfsFileSystemDiscoverer : StreamingDiscoverer
{
    public override string ResourceType => "elasticfilesystem:file-system";

    protected override async IAsyncEnumerable<InventoryResource> ListAsync(DiscoveryContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var fileSystem in new EfsClient(context.Session).DescribeAllFileSystemsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return context.Resource(fileSystem.FileSystemArn ?? context.Arn("elasticfilesystem", $"file-system/{fileSystem.FileSystemId}"),
                DiscoveryContext.Pairs(fileSystem.Tags, t => t.Key, t => t.Value), fileSystem.Name ?? fileSystem.FileSystemId);
        }
    }
}
