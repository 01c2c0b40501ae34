using System.Collections;
using System.Management.Automation;
using WAOps.Aws.Inventory;
using WAOps.Engine.Errors;
using WAOps.Engine.Tags;
using WAOps.PowerShell.Infrastructure;

namespace WAOps.PowerShell.Commands;

/// <summary>
/// Reports every resource that breaks the tagging strategy (required keys, spelling, allowed values),
/// resources that were never tagged included, in one or many regions. Read-only.
/// </summary>
[Cmdlet(VerbsCommon.Get, "WATagCompliance", DefaultParameterSetName = InlinePolicySet)]
[OutputType("WAOps.TagComplianceResult", "WAOps.TagComplianceSummary")]
public sealed class GetWATagComplianceCommand : WAOpsAwsCmdlet
{
    private const string InlinePolicySet = "InlinePolicy";
    private const string PolicyFileSet = "PolicyFile";
    private const int MaxTagFilterKeys = 50;
    private const int MaxTagFilterValues = 20;

    [Parameter(Position = 0)]
    [Alias("RegionToCall")]
    [RegionTransformation]
    [ArgumentCompleter(typeof(RegionArgumentCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Region { get; set; }

    [Parameter]
    public SwitchParameter AllRegions { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ResourceType { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Hashtable? TagFilter { get; set; }

    [Parameter(ParameterSetName = InlinePolicySet)]
    [ValidateNotNull]
    public string[]? RequiredTag { get; set; }

    [Parameter(ParameterSetName = InlinePolicySet)]
    [ValidateNotNull]
    public Hashtable? AllowedValue { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PolicyFileSet)]
    [ValidateNotNullOrEmpty]
    public string? TagPolicyPath { get; set; }

    [Parameter]
    public SwitchParameter IncludeCompliant { get; set; }

    [Parameter]
    public SwitchParameter Summary { get; set; }

    [Parameter]
    public SwitchParameter TaggingApiOnly { get; set; }

    [Parameter]
    [ValidateRange(1, 32)]
    public int ThrottleLimit { get; set; } = 8;

    protected override string? RequestedRegion => Region is { Length: > 0 } ? Region[0] : null;

    protected override void EndProcessing()
    {
        var policy = BuildPolicy();
        var resourceTypes = ValidateResourceTypes();
        var tagFilters = ValidateTagFilters();
        if (AllRegions && Region is { Length: > 0 })
        {
            Terminate(ParameterErrorIds.ConflictingParameters, ErrorKind.InvalidArgument, "Give -Region or -AllRegions, not both.", null);
        }

        var session = ResolveSession();
        RunAsync(async cancellationToken =>
        {
            var regions = AllRegions
                ? await RegionCatalogGateway.EnabledRegionsAsync(session, cancellationToken).ConfigureAwait(false)
                : Region is { Length: > 0 }
                    ? await RegionCatalogGateway.ValidateAsync(session, Region, cancellationToken).ConfigureAwait(false)
                    : new[] { session.Region };
            EmitVerbose($"Scanning {string.Join(", ", regions)} against the policy from {policy.Source}: {string.Join(", ", policy.RequiredKeys)}.");

            var request = new TagScanRequest
            {
                Regions = regions,
                ResourceTypes = resourceTypes,
                TagFilters = tagFilters,
                IncludeServiceDiscovery = !TaggingApiOnly,
                MaxConcurrency = ThrottleLimit,
            };
            var summarizer = new TagComplianceSummarizer(policy);
            var progress = new ProgressThrottle(EmitProgress, "Get-WATagCompliance", $"Scanning {regions.Count} region(s)");
            await foreach (var batch in TaggedResourceScanner.ScanBatchesAsync(session, request, progress.Report,
                failure => EmitError(failure.Error, $"{failure.Region} {failure.Listing}"), cancellationToken).ConfigureAwait(false))
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
                    if (!Summary && (IncludeCompliant || !result.Compliant))
                    {
                        shown.Add(result);
                    }
                }

                EmitObjects(shown);
            }

            progress.Complete();
            if (Summary)
            {
                foreach (var row in summarizer.Summarize())
                {
                    EmitObject(row);
                }
            }

            EmitVerbose($"AWS calls: {CallCounter.Total} ({string.Join(", ", CallCounter.Snapshot().Select(c => $"{c.Key} {c.Value}"))}).");
        });
    }

    private TagPolicy BuildPolicy()
    {
        try
        {
            if (ParameterSetName == PolicyFileSet)
            {
                return TagPolicyFile.Load(SessionState.Path.GetUnresolvedProviderPathFromPSPath(TagPolicyPath));
            }

            var required = RequiredTag ?? TagPolicy.DefaultRequiredKeys.ToArray();
            return TagPolicy.Create(required, AllowedValue is null ? null : HashtableValues.ToLists(AllowedValue), null,
                RequiredTag is null ? "the default policy" : "-RequiredTag");
        }
        catch (WAOpsException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
            throw;
        }
    }

    private IReadOnlyList<string> ValidateResourceTypes()
    {
        var types = ResourceType ?? Array.Empty<string>();
        foreach (var type in types)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(type, "^[a-z0-9-]+(:[a-z0-9-]+)?$"))
            {
                Terminate(ParameterErrorIds.InvalidResourceTypeFilter, ErrorKind.InvalidArgument,
                    $"'{type}' is not a resource type; use service or service:type as the Tagging API does (ec2, ec2:instance, s3, rds:db).", type);
            }
        }

        return types;
    }

    private IReadOnlyList<TagFilterSpec> ValidateTagFilters()
    {
        if (TagFilter is null)
        {
            return Array.Empty<TagFilterSpec>();
        }

        var filters = HashtableValues.ToLists(TagFilter).Select(f => new TagFilterSpec(f.Key, f.Value)).ToList();
        if (filters.Count == 0 || filters.Count > MaxTagFilterKeys)
        {
            Terminate(ParameterErrorIds.InvalidTagFilter, ErrorKind.InvalidArgument, $"-TagFilter takes 1 to {MaxTagFilterKeys} keys; it has {filters.Count}.", TagFilter);
        }

        foreach (var filter in filters)
        {
            if (string.IsNullOrWhiteSpace(filter.Key) || filter.Key.Length > 128 || filter.Values.Count > MaxTagFilterValues)
            {
                Terminate(ParameterErrorIds.InvalidTagFilter, ErrorKind.InvalidArgument,
                    $"-TagFilter key '{filter.Key}' must be 1-128 characters with at most {MaxTagFilterValues} values.", filter.Key);
            }
        }

        return filters;
    }
}
