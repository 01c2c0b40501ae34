using WAOps.Aws.Protocol;
using WAOps.Aws.Session;
using WAOps.Aws.Tagging;
using WAOps.Engine.Errors;
using WAOps.Engine.Planning;
using WAOps.Engine.Tags;

namespace WAOps.Aws.Appliers;

/// <summary>Carries out approved tag repairs of one region with the Tagging API's batch calls; a resource AWS refused fails on its own.</summary>
public sealed class TagRepairApplier : IBatchChangeApplier<TagRepairPlan>
{
    private readonly AwsSession _session;

    public TagRepairApplier(AwsSession session) => _session = session;

    public async Task<IReadOnlyList<ApplyResult>> ApplyAsync(IReadOnlyList<PlannedChange<TagRepairPlan>> changes, CancellationToken cancellationToken)
    {
        var outcomes = (await TagRepairGateway.ApplyAsync(_session, changes.Select(c => c.Operation!).ToList(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(o => o.ResourceArn, StringComparer.Ordinal);
        return changes.Select(change =>
        {
            var outcome = outcomes[change.Operation!.ResourceArn];
            return outcome.Succeeded
                ? ApplyResult.Completed()
                : ApplyResult.Failed(new WAOpsException(TagPolicyErrorIds.TagRepairFailed, AwsErrorClassifier.KindOf(outcome.ErrorCode ?? string.Empty, 0),
                    $"{outcome.ResourceArn} was not repaired: {outcome.ErrorCode}: {outcome.Message}", outcome.ResourceArn), outcome.ErrorCode);
        }).ToList();
    }
}
