using WAOps.Engine.Inventory;
using WAOps.Engine.Tags;

namespace WAOps.Engine.Monitoring;

/// <summary>Where a dashboard run finds a workload's resources and learns what to monitor about each.</summary>
public interface IWorkloadSource
{
    /// <summary>The region the run is in (dashboards are written there).</summary>
    string Region { get; }

    /// <summary>The partition of <see cref="Region"/> (aws, aws-cn, aws-us-gov, ...).</summary>
    string Partition { get; }

    /// <summary>Where metrics of global services (CloudFront) live, when the partition has them; null otherwise.</summary>
    string? GlobalRegion { get; }

    Task<string> AccountIdAsync(CancellationToken cancellationToken);

    Task<WorkloadDiscoveryResult> FindByTagsAsync(IReadOnlyList<TagFilterSpec> filters, Action<CollectionFailure> onFailure, CancellationToken cancellationToken);

    Task<WorkloadDiscoveryResult> FindByStackAsync(string stackName, CancellationToken cancellationToken);

    /// <summary>Each resource's kind, metric region, dimensions and the facts the alarm and widget catalogs need.</summary>
    Task<ResolveResult> DescribeAsync(IReadOnlyList<ResourceReference> resources, CancellationToken cancellationToken);
}
