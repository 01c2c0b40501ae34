using System.Management.Automation;
using WAOps.Engine.Errors;

namespace WAOps.PowerShell.Infrastructure;

/// <summary>
/// Base of every WAOps cmdlet: Ctrl+C (StopProcessing) cancels in-flight work, asynchronous work streams its
/// output through the pipeline thread, and failures become ErrorRecords with stable ErrorIds.
/// </summary>
public abstract class WAOpsCmdlet : PSCmdlet
{
    private readonly CancellationTokenSource _stopping = new();
    private PipelineDispatcher? _dispatcher;

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
    protected CancellationToken CancellationToken => _stopping.Token;

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>
    /// Runs <paramref name="work"/> off the pipeline thread. Use <see cref="Post"/> (or the Emit helpers)
    /// inside it to write output; a WAOpsException from it becomes a terminating error.
    /// </summary>
    protected void RunAsync(Func<CancellationToken, Task> work)
    {
        var dispatcher = new PipelineDispatcher();
        _dispatcher = dispatcher;
        try
        {
            dispatcher.Run(work, _stopping);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (WAOpsException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
        }
        finally
        {
            _dispatcher = null;
        }
    }

    /// <summary>Runs an action on the pipeline thread: directly when already there, queued while async work runs.</summary>
    protected void Post(Action action)
    {
        if (_dispatcher is { } dispatcher)
        {
            dispatcher.Post(action);
        }
        else
        {
            action();
        }
    }

    protected void EmitObject(object value) => Post(() => WriteObject(value));

    protected void EmitVerbose(string message) => Post(() => WriteVerbose(message));

    protected void EmitDebug(string message) => Post(() => WriteDebug(message));

    protected void EmitWarning(string message) => Post(() => WriteWarning(message));

    protected void EmitProgress(ProgressRecord record) => Post(() => WriteProgress(record));

    /// <summary>A failure of one item: reported, and the cmdlet goes on with the others.</summary>
    protected void EmitError(Exception exception, object? target) => Post(() => WriteError(ErrorRecords.From(exception, target)));

    /// <summary>Stops the cmdlet with a terminating error built from a WAOps failure.</summary>
    protected void Terminate(string errorId, ErrorKind kind, string message, object? target) =>
        ThrowTerminatingError(ErrorRecords.Create(errorId, kind, message, target));
}
