using WAOps.Engine.Planning;

namespace WAOps.Engine.Tags;

/// <summary>Resources' tags in a region: read them, and repair them in batches.</summary>
public interface ITagStore
{
    /// <summary>The current tags of each ARN (an empty set for one never tagged).</summary>
    Task<IReadOnlyDictionary<string, TagSet>> ReadAsync(string region, IReadOnlyCollection<string> arns, CancellationToken cancellationToken);

    /// <summary>Carries out approved repair plans of one region together.</summary>
    IBatchChangeApplier<TagRepairPlan> ApplierFor(string region);
}
