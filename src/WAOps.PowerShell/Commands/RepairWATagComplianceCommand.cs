using System.Collections;
using System.Management.Automation;
using WAOps.Aws.Tagging;
using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;
using WAOps.Engine.Runs;
using WAOps.Engine.Tags;
using WAOps.PowerShell.Infrastructure;

namespace WAOps.PowerShell.Commands;

/// <summary>
/// Fixes tags on the resources piped in (from Get-WATagCompliance, a CSV of ARNs, ...): adds missing keys with
/// the values given, renames mis-cased keys only with -FixKeyCase, replaces values only with -Overwrite.
/// Plans from each resource's current tags, asks ShouldProcess per resource, then tags in batches.
/// </summary>
[Cmdlet(VerbsDiagnostic.Repair, "WATagCompliance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType("WAOps.ChangeResult")]
public sealed class RepairWATagComplianceCommand : WAOpsAwsCmdlet
{
    private const int MaxTags = 50;

    private readonly List<(string Arn, string? Region)> _targets = new();
    private string? _sessionRegion;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Arn")]
    [ValidateNotNullOrEmpty]
    public string[]? ResourceArn { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("RegionToCall")]
    [RegionTransformation]
    [ArgumentCompleter(typeof(RegionArgumentCompleter))]
    public string? Region { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Hashtable? Tag { get; set; }

    [Parameter]
    public SwitchParameter FixKeyCase { get; set; }

    [Parameter]
    public SwitchParameter Overwrite { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? RequiredTag { get; set; }

    protected override string? RequestedRegion => _sessionRegion;

    protected override void BeginProcessing()
    {
        // -Region on the command line picks the session's region; piped Region values pick each resource's.
        _sessionRegion = string.IsNullOrWhiteSpace(Region) ? null : Region;
    }

    protected override void ProcessRecord()
    {
        foreach (var arn in ResourceArn ?? Array.Empty<string>())
        {
            if (!ArnInput.TryParse(arn, out var parsed, out var problem))
            {
                Terminate(ParameterErrorIds.InvalidResourceArn, ErrorKind.InvalidArgument, $"'{arn}' is not an ARN: {problem}; nothing was changed.", arn);
            }

            // An ARN's own region is where the resource lives; -Region (piped or given) only places
            // resources whose ARNs carry none (S3 buckets); the rest fall back to the session's region.
            var region = parsed.Region.Length > 0 ? parsed.Region : !string.IsNullOrWhiteSpace(Region) ? Region : null;
            _targets.Add((arn, region));
        }
    }

    protected override void EndProcessing()
    {
        var request = BuildRequest();
        var session = ResolveSession();
        var targets = _targets.Select(t => (t.Arn, Region: t.Region ?? session.Region)).DistinctBy(t => t.Arn, StringComparer.Ordinal).ToList();
        RunAsync(cancellationToken => new TagRepairRun(new TagStore(session)).ExecuteAsync(targets, request, AsRunHost(), cancellationToken));
    }

    private TagRepairRequest BuildRequest()
    {
        var tags = Tag is null ? new Dictionary<string, string>() : HashtableValues.ToStrings(Tag).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        if (tags.Count == 0 && !FixKeyCase)
        {
            Terminate(TagPolicyErrorIds.NothingToRepair, ErrorKind.InvalidArgument, "Give -Tag with the values to add, or -FixKeyCase, or both.", null);
        }

        if (tags.Count > MaxTags)
        {
            Terminate(ParameterErrorIds.InvalidTagParameter, ErrorKind.InvalidArgument, $"-Tag has {tags.Count} tags; a resource takes at most {MaxTags}.", Tag);
        }

        try
        {
            foreach (var (key, value) in tags)
            {
                TagPolicy.ValidateKey(key, "-Tag");
                if (value.Length > 256)
                {
                    throw new WAOpsException(ParameterErrorIds.InvalidTagParameter, ErrorKind.InvalidArgument, $"The -Tag value for '{key}' is longer than 256 characters.", key);
                }
            }

            foreach (var key in RequiredTag ?? Array.Empty<string>())
            {
                TagPolicy.ValidateKey(key, "-RequiredTag");
            }
        }
        catch (WAOpsException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
        }

        return new TagRepairRequest
        {
            Tags = tags,
            RequiredKeys = RequiredTag ?? TagPolicy.DefaultRequiredKeys,
            FixKeyCase = FixKeyCase,
            Overwrite = Overwrite,
        };
    }
}
