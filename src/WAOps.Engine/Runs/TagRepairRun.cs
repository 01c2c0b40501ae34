using WAOps.Engine.Planning;
using WAOps.Engine.Tags;

namespace WAOps.Engine.Runs;

/// <summary>
/// Repair-WATagCompliance's run: per region, read the resources' current tags, plan each resource's repair, confirm
/// each one, then tag the approved ones in batches; one result per resource.
/// </summary>
public sealed class TagRepairRun
{
    private readonly ITagStore _tags;

    public TagRepairRun(ITagStore tags) => _tags = tags;

    public async Task ExecuteAsync(IReadOnlyList<(string Arn, string Region)> targets, TagRepairRequest request, IRunHost host, CancellationToken cancellationToken)
    {
        var executor = new PlanExecutor(host);
        foreach (var region in targets.GroupBy(t => t.Region, StringComparer.Ordinal))
        {
            var arns = region.Select(t => t.Arn).ToList();
            var current = await _tags.ReadAsync(region.Key, arns, cancellationToken).ConfigureAwait(false);
            var plan = arns.Select(arn => TagRepairPlanner.ToChange(TagRepairPlanner.Plan(arn, region.Key, current[arn], request), current[arn])).ToList();
            await executor.ExecuteBatchedAsync(plan, _tags.ApplierFor(region.Key), r => host.Emit(r.ToResult()), cancellationToken).ConfigureAwait(false);
        }
    }
}
