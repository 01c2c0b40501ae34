using WAOps.Aws.Protocol;
using WAOps.Aws.Services.ResourceGroupsTagging;
using WAOps.Aws.Services.ResourceGroupsTagging.Model;
using WAOps.Aws.Session;
using WAOps.Engine.Errors;
using WAOps.Engine.Tags;

namespace WAOps.Aws.Tagging;

/// <summary>The outcome of repairing one resource's tags.</summary>
public sealed record TagRepairOutcome(string ResourceArn, bool Succeeded, string? ErrorCode, string? Message);

/// <summary>
/// Reads current tags and applies tag repair plans through the Tagging API: TagResources in batches of at
/// most 20 ARNs and 50 tags (resources that get the same tags share a call), then UntagResources for the
/// wrong spellings of the resources whose tagging succeeded. Per-ARN failures come back in
/// FailedResourcesMap with HTTP 200; only the ARNs that failed with throttling or a server error are tried
/// again, a bounded number of times. A call refused as a whole (access denied) fails each ARN in it, and
/// the other batches go on.
/// </summary>
public static class TagRepairGateway
{
    private const int MaxArnsPerRead = 100;

    public static async Task<IReadOnlyDictionary<string, TagSet>> ReadTagsAsync(AwsSession session, IReadOnlyCollection<string> arns, CancellationToken cancellationToken)
    {
        var client = new ResourceGroupsTaggingClient(session);
        var tags = new Dictionary<string, TagSet>(StringComparer.Ordinal);
        var wanted = arns.ToHashSet(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(MaxArnsPerRead))
        {
            // AWS answers a ResourceARNList request in one page; resources never tagged are simply absent.
            // moto 5.2.1 ignores ResourceARNList and pages through everything, so tokens are followed while
            // given and only the requested ARNs are kept.
            var template = new GetResourcesRequest { ResourceARNList = chunk.ToList() };
            await foreach (var page in client.GetResourcesPagesAsync(template, cancellationToken).ConfigureAwait(false))
            {
                foreach (var mapping in page.ResourceTagMappingList.Where(m => m.ResourceARN is not null && wanted.Contains(m.ResourceARN)))
                {
                    tags[mapping.ResourceARN!] = mapping.Tags.ToTagSet();
                }
            }
        }

        foreach (var arn in arns)
        {
            tags.TryAdd(arn, TagSet.Empty);
        }

        return tags;
    }

    public static async Task<IReadOnlyList<TagRepairOutcome>> ApplyAsync(AwsSession session, IReadOnlyList<TagRepairPlan> plans, CancellationToken cancellationToken)
    {
        var failures = new Dictionary<string, (string Code, string Message)>(StringComparer.Ordinal);
        var client = new ResourceGroupsTaggingClient(session);

        var setGroups = plans.Where(p => p.TagsToSet.Count > 0).GroupBy(p => Signature(p.TagsToSet));
        foreach (var group in setGroups)
        {
            var tags = group.First().TagsToSet;
            foreach (var batch in group.Select(p => p.ResourceArn).Chunk(ResourceGroupsTaggingClient.MaxArnsPerTagCall))
            {
                foreach (var tagChunk in tags.Chunk(ResourceGroupsTaggingClient.MaxTagsPerTagCall))
                {
                    var request = tagChunk.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
                    await CallWithRetriesAsync(session, batch.Where(a => !failures.ContainsKey(a)).ToList(), failures,
                        async (arns, ct) => (await client.TagResourcesAsync(new TagResourcesRequest { ResourceARNList = arns, Tags = request }, ct).ConfigureAwait(false)).FailedResourcesMap,
                        cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var removeGroups = plans.Where(p => p.KeysToRemove.Count > 0 && !failures.ContainsKey(p.ResourceArn)).GroupBy(p => string.Join("\u0000", p.KeysToRemove));
        foreach (var group in removeGroups)
        {
            var keys = group.First().KeysToRemove.ToList();
            foreach (var batch in group.Select(p => p.ResourceArn).Chunk(ResourceGroupsTaggingClient.MaxArnsPerTagCall))
            {
                var before = batch.Where(failures.ContainsKey).ToHashSet(StringComparer.Ordinal);
                await CallWithRetriesAsync(session, batch.ToList(), failures,
                    async (arns, ct) => (await client.UntagResourcesAsync(new UntagResourcesRequest { ResourceARNList = arns, TagKeys = keys }, ct).ConfigureAwait(false)).FailedResourcesMap,
                    cancellationToken).ConfigureAwait(false);
                foreach (var arn in batch.Where(a => failures.ContainsKey(a) && !before.Contains(a)))
                {
                    var (code, message) = failures[arn];
                    failures[arn] = (code, $"the right spelling was set, but {string.Join(", ", keys)} could not be removed: {message}");
                }
            }
        }

        return plans.Select(p => failures.TryGetValue(p.ResourceArn, out var failure)
            ? new TagRepairOutcome(p.ResourceArn, false, failure.Code, failure.Message)
            : new TagRepairOutcome(p.ResourceArn, true, null, null)).ToList();
    }

    private static async Task CallWithRetriesAsync(
        AwsSession session,
        List<string> arns,
        Dictionary<string, (string Code, string Message)> failures,
        Func<List<string>, CancellationToken, Task<Dictionary<string, FailureInfo>>> call,
        CancellationToken cancellationToken)
    {
        var pending = arns;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            Dictionary<string, FailureInfo> failed;
            try
            {
                failed = await call(pending, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex)
            {
                // Refused as a whole (after the transport's own retries): every ARN of the call failed.
                foreach (var arn in pending)
                {
                    failures[arn] = (ex.ErrorCode, ex.ServiceMessage.Length > 0 ? ex.ServiceMessage : ex.Message);
                }

                return;
            }

            var retry = new List<string>();
            foreach (var arn in pending)
            {
                if (!failed.TryGetValue(arn, out var info))
                {
                    failures.Remove(arn);
                    continue;
                }

                var code = info.ErrorCode ?? "UnknownError";
                failures[arn] = (code, info.ErrorMessage ?? code);
                if (attempt < session.MaxAttempts && AwsErrorClassifier.IsRetryable(code, info.StatusCode ?? 0))
                {
                    retry.Add(arn);
                }
            }

            if (retry.Count == 0)
            {
                return;
            }

            await Task.Delay(session.CallOptions.Retry.DelayBefore(attempt + 1, Random.Shared), cancellationToken).ConfigureAwait(false);
            pending = retry;
        }
    }

    private static string Signature(IReadOnlyDictionary<string, string> tags) =>
        string.Join("\u0000", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "\u0001" + t.Value));
}
