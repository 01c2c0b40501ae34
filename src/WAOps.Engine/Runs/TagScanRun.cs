using WAOps.Engine.Tags;

namespace WAOps.Engine.Runs;

/// <summary>
/// Get-WATagCompliance's run: scan the regions (validated first), judge each resource against the tag policy as its
/// page arrives, write the resources that break it (all with -IncludeCompliant), or with -Summary only the summary rows.
/// </summary>
public sealed class TagScanRun
{
    private readonly ITagInventorySource _source;

    public TagScanRun(ITagInventorySource source) => _source = source;

    public async Task ExecuteAsync(TagScanInput input, IRunHost host, CancellationToken cancellationToken)
    {
        var regions = input.AllRegions
            ? await _source.EnabledRegionsAsync(cancellationToken).ConfigureAwait(false)
            : input.Regions is { Count: > 0 } named
                ? await _source.ValidateRegionsAsync(named, cancellationToken).ConfigureAwait(false)
                : new[] { _source.Region };
        var policy = input.Policy;
        host.Verbose($"Scanning {string.Join(", ", regions)} against the policy from {policy.Source}: {string.Join(", ", policy.RequiredKeys)}.");

        var request = new TagScanRequest
        {
            Regions = regions,
            ResourceTypes = input.ResourceTypes,
            TagFilters = input.TagFilters,
            IncludeServiceDiscovery = !input.TaggingApiOnly,
            MaxConcurrency = input.ThrottleLimit,
        };
        var summarizer = new TagComplianceSummarizer(policy);
        var progress = new ThrottledProgress(host, $"Scanning {regions.Count} region(s)");
        await foreach (var batch in _source.ScanAsync(request,
            p => progress.Report(() => $"{p.Resources} resources; {p.ListingsDone} of {p.ListingsTotal} listings done ({p.LastListing})", p.ListingsDone, p.ListingsTotal),
            failure => host.Error(failure.Error, failure.Where), cancellationToken).ConfigureAwait(false))
        {
            var shown = new List<object>();
            foreach (var resource in batch)
            {
                if (!policy.AppliesTo(resource.ResourceType))
                {
                    continue;
                }

                var result = TagComplianceEvaluator.Evaluate(resource, policy);
                summarizer.Add(result);
                if (!input.Summary && (input.IncludeCompliant || !result.Compliant))
                {
                    shown.Add(result);
                }
            }

            host.EmitMany(shown);
        }

        host.Progress(RunProgress.Done);
        if (input.Summary)
        {
            host.EmitMany(summarizer.Summarize().Cast<object>().ToList());
        }
    }
}
