using System.Management.Automation;
using WAOps.Aws.Services.Sns;
using WAOps.Engine.Errors;
using WAOps.Engine.Notifications;
using WAOps.PowerShell.Infrastructure;

namespace WAOps.PowerShell.Commands;

/// <summary>
/// Publishes a message to an SNS topic: a text given with -Message, or the objects piped in rendered as
/// PowerShell shows them (a cleanup summary, a report table). Runbooks use it to tell people what happened.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "WANotification", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = MessageSet)]
[OutputType("WAOps.NotificationReceipt")]
public sealed class SendWANotificationCommand : WAOpsAwsCmdlet
{
    private const string MessageSet = "Message";
    private const string InputSet = "InputObject";
    private readonly List<object> _input = new();

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? TopicArn { get; set; }

    [Parameter]
    public string? Subject { get; set; }

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = MessageSet)]
    [AllowEmptyString]
    public string? Message { get; set; }

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputSet)]
    public PSObject? InputObject { get; set; }

    [Parameter]
    [ValidateRange(40, 1000)]
    public int Width { get; set; } = 160;

    [Parameter]
    [Alias("RegionToCall")]
    [RegionTransformation]
    [ArgumentCompleter(typeof(RegionArgumentCompleter))]
    public string? Region { get; set; }

    private string? _topicRegion;

    // The topic's ARN names its region; -Region (or the shell's default) is only the fallback for the session.
    protected override string? RequestedRegion => Region ?? _topicRegion;

    protected override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            _input.Add(InputObject);
        }
    }

    protected override void EndProcessing()
    {
        var body = ParameterSetName == MessageSet ? Message ?? string.Empty : Render(_input);
        SnsMessage message;
        try
        {
            message = SnsMessage.Create(TopicArn!, Subject, body);
        }
        catch (WAOpsException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
            return;
        }

        _topicRegion = message.Region;
        if (!ShouldProcess(message.TopicArn, $"Publish a {message.Bytes}-byte message" + (message.Subject is null ? string.Empty : $" '{message.Subject}'")))
        {
            return;
        }

        var session = ResolveSession();
        RunAsync(async cancellationToken => EmitObject(await NotificationGateway.PublishAsync(session, message, cancellationToken).ConfigureAwait(false)));
    }

    private string Render(List<object> items)
    {
        // The objects are shown as PowerShell would show them, with their format views.
        using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddScript("param($items, $width) $items | Out-String -Width $width").AddArgument(items.ToArray()).AddArgument(Width);
        return string.Concat(shell.Invoke().Select(o => o?.ToString())).Trim();
    }
}
