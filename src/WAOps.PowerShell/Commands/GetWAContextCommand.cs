using System.Management.Automation;
using WAOps.Aws.Session;
using WAOps.PowerShell.Infrastructure;

namespace WAOps.PowerShell.Commands;

/// <summary>
/// Shows the account, caller, region, credential source and endpoint the other WAOps cmdlets would use with
/// the same parameters. One STS GetCallerIdentity call; changes nothing.
/// </summary>
[Cmdlet(VerbsCommon.Get, "WAContext")]
[OutputType("WAOps.WAContext")]
public sealed class GetWAContextCommand : WAOpsAwsCmdlet
{
    [Parameter(Position = 0)]
    [Alias("RegionToCall")]
    [RegionTransformation]
    [ArgumentCompleter(typeof(RegionArgumentCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    protected override string? RequestedRegion => Region;

    protected override void EndProcessing()
    {
        var session = ResolveSession();
        RunAsync(async cancellationToken =>
        {
            var context = await WAContextReader.ReadAsync(session, cancellationToken).ConfigureAwait(false);
            EmitObject(context);
        });
    }
}
