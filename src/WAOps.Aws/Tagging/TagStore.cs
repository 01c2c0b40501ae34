using WAOps.Aws.Appliers;
using WAOps.Aws.Session;
using WAOps.Engine.Planning;
using WAOps.Engine.Tags;

namespace WAOps.Aws.Tagging;

/// <summary>Resources' tags through the Tagging API, in each resource's own region.</summary>
public sealed class TagStore : ITagStore
{
    private readonly AwsSession _session;

    public TagStore(AwsSession session) => _session = session;

    public Task<IReadOnlyDictionary<string, TagSet>> ReadAsync(string region, IReadOnlyCollection<string> arns, CancellationToken cancellationToken) =>
        TagRepairGateway.ReadTagsAsync(_session.WithRegion(region), arns, cancellationToken);

    public IBatchChangeApplier<TagRepairPlan> ApplierFor(string region) => new TagRepairApplier(_session.WithRegion(region));
}
