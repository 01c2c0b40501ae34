using Amazon.EC2;
using Amazon.EC2.Model;
using WAOps.Aws.Services.Sdk;
using WAOps.Engine.Inventory;

namespace WAOps.Aws.Inventory.Discovery;

/// <summary>
/// The EC2 kinds the tag scan covers, each listed with its Describe call at the largest page size. EC2's
/// Describe calls return tags, so a never-tagged resource is known to be untagged without another call.
/// They share this file because they differ only in the call and the ARN form.
/// </summary>
public abstract class Ec2Discoverer : IResourceDiscoverer
{
    public abstract string ResourceType { get; }

    public async Task<IReadOnlyList<InventoryResource>> DiscoverAsync(DiscoveryContext context, CancellationToken cancellationToken)
    {
        using var ec2 = AwsSdkClientFactory.CreateEc2(context.Session);
        var calls = new SdkCalls(AwsSdkClientFactory.Ec2, context.Session, cancellationToken);
        var found = new List<InventoryResource>();
        await ListAsync(ec2, calls, context, found).ConfigureAwait(false);
        return found;
    }

    internal abstract Task ListAsync(AmazonEC2Client ec2, SdkCalls calls, DiscoveryContext context, List<InventoryResource> found);

    protected static InventoryResource Resource(DiscoveryContext context, string resource, List<Tag>? tags)
    {
        var pairs = DiscoveryContext.Pairs(tags, t => t.Key, t => t.Value).ToList();
        return context.Resource(context.Arn("ec2", resource), pairs, DiscoveryContext.NameTag(pairs));
    }
}

public sealed class Ec2InstanceDiscoverer : Ec2Discoverer
{
    public override string ResourceType => "ec2:instance";

    internal override Task ListAsync(AmazonEC2Client ec2, SdkCalls calls, DiscoveryContext context, List<InventoryResource> found) =>
        calls.PageAsync("DescribeInstances",
            (token, ct) => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 1000, NextToken = token }, ct),
            page => page.NextToken,
            page => found.AddRange((page.Reservations ?? new()).SelectMany(r => r.Instances ?? new())
                .Where(i => i.State?.Name?.Value != "terminated")
                .Select(i => Resource(context, $"instance/{i.InstanceId}", i.Tags))));
}

public sealed class Ec2VolumeDiscoverer : Ec2Discoverer
{
    public override string ResourceType => "ec2:volume";

    internal override Task ListAsync(AmazonEC2Client ec2, SdkCalls calls, DiscoveryContext context, List<InventoryResource> found) =>
        calls.PageAsync("DescribeVolumes",
            (token, ct) => ec2.DescribeVolumesAsync(new DescribeVolumesRequest { MaxResults = 500, NextToken = token }, ct),
            page => page.NextToken,
            page => found.AddRange((page.Volumes ?? new()).Select(v => Resource(context, $"volume/{v.VolumeId}", v.Tags))));
}

public sealed class Ec2SnapshotDiscoverer : Ec2Discoverer
{
    public override string ResourceType => "ec2:snapshot";

    internal override Task ListAsync(AmazonEC2Client ec2, SdkCalls calls, DiscoveryContext context, List<InventoryResource> found) =>
        calls.PageAsync("DescribeSnapshots",
            (token, ct) => ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { OwnerIds = new() { "self" }, MaxResults = 1000, NextToken = token }, ct),
            page => page.NextToken,
            page => found.AddRange((page.Snapshots ?? new()).Select(s => Resource(context, $"snapshot/{s.SnapshotId}", s.Tags))));
}

public sealed class Ec2ElasticIpDiscoverer : Ec2Discoverer
{
    public override string ResourceType => "ec2:elastic-ip";

    internal override async Task ListAsync(AmazonEC2Client ec2, SdkCalls calls, DiscoveryContext context, List<InventoryResource> found)
    {
        // DescribeAddresses is not paginated: one call returns every address of the region.
        var response = await calls.RunAsync("DescribeAddresses", ct => ec2.DescribeAddressesAsync(new DescribeAddressesRequest(), ct)).ConfigureAwait(false);
        found.AddRange((response.Addresses ?? new()).Where(a => a.AllocationId is not null).Select(a => Resource(context, $"elastic-ip/{a.AllocationId}", a.Tags)));
    }
}

public sealed class Ec2NatGatewayDiscoverer : Ec2Discoverer
{
    public override string ResourceType => "ec2:natgateway";

    internal override Task ListAsync(AmazonEC2Client ec2, SdkCalls calls, DiscoveryContext context, List<InventoryResource> found) =>
        calls.PageAsync("DescribeNatGateways",
            (token, ct) => ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { MaxResults = 1000, NextToken = token }, ct),
            page => page.NextToken,
            page => found.AddRange((page.NatGateways ?? new()).Where(n => n.State?.Value is not ("deleted" or "deleting"))
                .Select(n => Resource(context, $"natgateway/{n.NatGatewayId}", n.Tags))));
}

public sealed class Ec2VpcDiscoverer : Ec2Discoverer
{
    public override string ResourceType => "ec2:vpc";

    internal override Task ListAsync(AmazonEC2Client ec2, SdkCalls calls, DiscoveryContext context, List<InventoryResource> found) =>
        calls.PageAsync("DescribeVpcs",
            (token, ct) => ec2.DescribeVpcsAsync(new DescribeVpcsRequest { MaxResults = 1000, NextToken = token }, ct),
            page => page.NextToken,
            page => found.AddRange((page.Vpcs ?? new()).Select(v => Resource(context, $"vpc/{v.VpcId}", v.Tags))));
}

public sealed class Ec2SubnetDiscoverer : Ec2Discoverer
{
    public override string ResourceType => "ec2:subnet";

    internal override Task ListAsync(AmazonEC2Client ec2, SdkCalls calls, DiscoveryContext context, List<InventoryResource> found) =>
        calls.PageAsync("DescribeSubnets",
            (token, ct) => ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { MaxResults = 1000, NextToken = token }, ct),
            page => page.NextToken,
            page => found.AddRange((page.Subnets ?? new()).Select(s => Resource(context, $"subnet/{s.SubnetId}", s.Tags))));
}

public sealed class Ec2SecurityGroupDiscoverer : Ec2Discoverer
{
    public override string ResourceType => "ec2:security-group";

    internal override Task ListAsync(AmazonEC2Client ec2, SdkCalls calls, DiscoveryContext context, List<InventoryResource> found) =>
        calls.PageAsync("DescribeSecurityGroups",
            (token, ct) => ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { MaxResults = 1000, NextToken = token }, ct),
            page => page.NextToken,
            page => found.AddRange((page.SecurityGroups ?? new()).Select(g => Resource(context, $"security-group/{g.GroupId}", g.Tags))));
}
