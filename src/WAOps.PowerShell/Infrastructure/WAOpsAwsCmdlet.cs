using System.Management.Automation;
using WAOps.Aws.Protocol;
using WAOps.Aws.Session;
using WAOps.Engine.Errors;

namespace WAOps.PowerShell.Infrastructure;

/// <summary>
/// Base of cmdlets that call AWS. Declares AWS Tools for PowerShell's credential and endpoint parameters
/// (same names and aliases) and resolves them, with <c>$StoredAWSCredentials</c> and <c>$StoredAWSRegion</c>,
/// into one session. Derived cmdlets declare -Region themselves (one region, or a list for scans).
/// </summary>
public abstract class WAOpsAwsCmdlet : WAOpsCmdlet
{
    [Parameter]
    [Alias("StoredCredentials", "AWSProfileName")]
    [ValidateNotNullOrEmpty]
    public string? ProfileName { get; set; }

    [Parameter]
    [Alias("AWSProfilesLocation", "ProfilesLocation")]
    [ValidateNotNullOrEmpty]
    public string? ProfileLocation { get; set; }

    [Parameter]
    [Alias("AK")]
    [ValidateNotNullOrEmpty]
    public string? AccessKey { get; set; }

    [Parameter]
    [Alias("SK", "SecretAccessKey")]
    [ValidateNotNullOrEmpty]
    public string? SecretKey { get; set; }

    [Parameter]
    [Alias("ST")]
    [ValidateNotNullOrEmpty]
    public string? SessionToken { get; set; }

    [Parameter]
    [ValidateNotNull]
    public object? Credential { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>The region the session starts in (the first of a -Region list, or -Region itself).</summary>
    protected abstract string? RequestedRegion { get; }

    /// <summary>Counts this invocation's AWS calls; cmdlets may report it in -Verbose.</summary>
    protected AwsCallCounter CallCounter { get; } = new();

    /// <summary>Writes the AWS calls this invocation made, by service and operation, to -Verbose.</summary>
    protected void ReportCalls() =>
        WriteVerbose($"AWS calls: {CallCounter.Total} ({string.Join(", ", CallCounter.Snapshot().Select(c => $"{c.Key} {c.Value}"))}).");

    /// <summary>What the user gave for the session: parameters, $StoredAWSCredentials and $StoredAWSRegion.</summary>
    protected AwsSessionRequest SessionInput() => new()
    {
        ProfileName = ProfileName,
        ProfileLocation = ProfileLocation is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ProfileLocation),
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        SessionToken = SessionToken,
        Credential = AdaptCredential(Credential),
        StoredCredentials = AdaptCredential(SessionState.PSVariable.GetValue("StoredAWSCredentials")),
        Region = RequestedRegion,
        StoredRegion = Unwrap(SessionState.PSVariable.GetValue("StoredAWSRegion"))?.ToString(),
        EndpointUrl = EndpointUrl,
    };

    /// <summary>Resolves the session, writing where credentials, region and endpoint came from to -Verbose.</summary>
    protected AwsSession ResolveSession()
    {
        var request = SessionInput();
        var options = new AwsCallOptions { Observer = new CompositeCallObserver(CallCounter, new PipelineCallObserver(this, DebugShown())) };
        try
        {
            return AwsSessionResolver.Resolve(request, options, WriteVerbose);
        }
        catch (WAOpsException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
            throw; // not reached: ThrowTerminatingError always throws
        }
    }

    /// <summary>
    /// Whether WriteDebug would show anything in this invocation: -Debug when given (also -Debug:$false), else
    /// $DebugPreference. A scan makes an AWS call per page; its debug line is only built when someone will see it.
    /// </summary>
    private bool DebugShown()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug))
        {
            return debug is SwitchParameter given ? given.IsPresent : LanguagePrimitives.IsTrue(debug);
        }

        return !LanguagePrimitives.TryConvertTo<ActionPreference>(SessionState.PSVariable.GetValue("DebugPreference"), out var preference)
            || (preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore);
    }

    private static object? Unwrap(object? value) => value switch
    {
        // A script-built holder ([pscustomobject]@{ Credentials = ... }) is read like AWS Tools' AWSPSCredentials.
        PSObject { BaseObject: PSCustomObject } custom when custom.Properties["Credentials"]?.Value is { } inner => Unwrap(inner),
        PSObject wrapped => wrapped.BaseObject,
        _ => value,
    };

    private static object? AdaptCredential(object? value) => Unwrap(value) switch
    {
        null => null,
        PSCredential credential => new StaticCredentialInput(credential.UserName, credential.GetNetworkCredential().Password),
        var other => other,
    };

    /// <summary>Reports AWS calls to -Debug and retries to -Verbose, through the pipeline thread.</summary>
    private sealed class PipelineCallObserver : IAwsCallObserver
    {
        private readonly WAOpsAwsCmdlet _cmdlet;
        private readonly bool _debugShown;

        public PipelineCallObserver(WAOpsAwsCmdlet cmdlet, bool debugShown)
        {
            _cmdlet = cmdlet;
            _debugShown = debugShown;
        }

        public void OnAttemptCompleted(AwsAttemptRecord attempt)
        {
            if (_debugShown)
            {
                ReportAttempt(attempt);
            }
        }

        private void ReportAttempt(AwsAttemptRecord attempt) =>
            _cmdlet.EmitDebug(
                $"{attempt.ServiceId} {attempt.Operation} ({attempt.Region}) attempt {attempt.Attempt}: "
                + (attempt.StatusCode is { } status ? $"HTTP {status}" : "no response")
                + (attempt.ErrorCode is null ? string.Empty : $" {attempt.ErrorCode}")
                + (attempt.Elapsed is { } elapsed ? $" in {elapsed.TotalMilliseconds:0} ms" : string.Empty)
                + (attempt.RequestId is null ? string.Empty : $", request id {attempt.RequestId}"));

        public void OnRetryScheduled(AwsRetryRecord retry) =>
            _cmdlet.EmitVerbose(
                $"Retrying {retry.ServiceId} {retry.Operation} (attempt {retry.NextAttempt} of {retry.MaxAttempts}) "
                + $"in {retry.Delay.TotalMilliseconds:0} ms after {retry.Reason}.");
    }
}
