using System.Collections;
using System.Management.Automation;
using WAOps.Aws.Inventory;
using WAOps.Engine.Errors;
using WAOps.Engine.Runs;
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
        var input = new TagScanInput
        {
            Policy = BuildPolicy(),
            Regions = Region,
            AllRegions = AllRegions,
            ResourceTypes = ValidateResourceTypes(),
            TagFilters = Checked(() => TagFilters.Build(null, null, TagFilter is null ? null : HashtableValues.ToLists(TagFilter))),
            TaggingApiOnly = TaggingApiOnly,
            IncludeCompliant = IncludeCompliant,
            Summary = Summary,
            ThrottleLimit = ThrottleLimit,
        };
        if (AllRegions && Region is { Length: > 0 })
        {
            Terminate(ParameterErrorIds.ConflictingParameters, ErrorKind.InvalidArgument, "Give -Region or -AllRegions, not both.", null);
        }

        var session = ResolveSession();
        RunAsync(cancellationToken => new TagScanRun(new TagInventorySource(session)).ExecuteAsync(input, AsRunHost(), cancellationToken));
        ReportCalls();
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
}
