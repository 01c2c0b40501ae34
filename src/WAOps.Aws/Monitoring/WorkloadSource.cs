using WAOps.Aws.Services.Sts;
using WAOps.Aws.Session;
using WAOps.Engine.Inventory;
using WAOps.Engine.Monitoring;
using WAOps.Engine.Tags;

namespace WAOps.Aws.Monitoring;

/// <summary>A dashboard run's workload, found and described through AWS in the session's region.</summary>
public sealed class WorkloadSource : IWorkloadSource
{
    private readonly AwsSession _session;

    public WorkloadSource(AwsSession session) => _session = session;

    public string Region => _session.Region;

    public string Partition => AwsRegionName.Partition(_session.Region);

    public string? GlobalRegion => Partition == "aws" ? MonitoredResourceTypes.GlobalRegion : null;

    public async Task<string> AccountIdAsync(CancellationToken cancellationToken) =>
        (await CallerIdentityGateway.GetAsync(_session, cancellationToken).ConfigureAwait(false)).Account;

    public Task<WorkloadDiscoveryResult> FindByTagsAsync(IReadOnlyList<TagFilterSpec> filters, Action<CollectionFailure> onFailure, CancellationToken cancellationToken) =>
        WorkloadDiscovery.FindByTagsAsync(_session, filters, onFailure, cancellationToken);

    public Task<WorkloadDiscoveryResult> FindByStackAsync(string stackName, CancellationToken cancellationToken) =>
        WorkloadDiscovery.FindByStackAsync(_session, stackName, cancellationToken);

    public Task<ResolveResult> DescribeAsync(IReadOnlyList<ResourceReference> resources, CancellationToken cancellationToken) =>
        MonitoredResourceResolver.ResolveAsync(_session, resources, cancellationToken);
}
