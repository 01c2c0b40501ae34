using System.Management.Automation;
using WAOps.Engine.Errors;
using WAOps.Engine.Planning;

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

    /// <summary>
    /// Asks ShouldProcess on the pipeline thread from inside async work and waits for the answer, so each
    /// planned change is confirmed (or shown under -WhatIf) just before it is applied.
    /// </summary>
    protected Task<ProcessDecision> ShouldProcessAsync(string target, string action)
    {
        var answer = new TaskCompletionSource<ProcessDecision>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                var description = $"Performing the operation \"{action}\" on target \"{target}\".";
                var warning = $"Are you sure you want to perform this action?\n{description}";
                var proceed = ShouldProcess(description, warning, "Confirm", out var reason);
                answer.TrySetResult(proceed ? ProcessDecision.Proceed : reason == ShouldProcessReason.WhatIf ? ProcessDecision.WhatIf : ProcessDecision.Declined);
            }
            catch (Exception ex)
            {
                answer.TrySetException(ex);
            }
        });
        return answer.Task;
    }

    /// <summary>
    /// Walks a plan: changes that write are put to ShouldProcess one by one and applied; every change gets a
    /// result (Created/Updated/Deleted/Unchanged/Skipped/Failed) passed to <paramref name="emit"/>, except
    /// under -WhatIf, which only shows the plan. A failed change is also written as a non-terminating error,
    /// and the rest of the plan goes on.
    /// </summary>
    protected async Task<IReadOnlyList<ChangeResult>> ApplyPlanAsync(
        IEnumerable<PlannedChange> plan,
        Func<PlannedChange, CancellationToken, Task> apply,
        Action<ChangeResult> emit,
        CancellationToken cancellationToken)
    {
        var results = new List<ChangeResult>();
        foreach (var change in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ChangeResult result;
            if (!change.IsWrite)
            {
                result = new ChangeResult(change, change.SuccessOutcome);
            }
            else
            {
                var decision = await ShouldProcessAsync(change.Target, change.Describe()).ConfigureAwait(false);
                if (decision == ProcessDecision.WhatIf)
                {
                    continue;
                }

                if (decision == ProcessDecision.Declined)
                {
                    result = new ChangeResult(change, ChangeOutcome.Skipped, "Declined at the confirmation prompt.");
                }
                else
                {
                    try
                    {
                        await apply(change, cancellationToken).ConfigureAwait(false);
                        result = new ChangeResult(change, change.SuccessOutcome);
                    }
                    catch (WAOpsException ex)
                    {
                        result = new ChangeResult(change, ChangeOutcome.Failed, ex.Message, ex.ErrorId);
                        EmitError(ex, change.Target);
                    }
                }
            }

            results.Add(result);
            emit(result);
        }

        return results;
    }

    protected void EmitObject(object value) => Post(() => WriteObject(value));

    /// <summary>Writes several objects, in order, with one trip to the pipeline thread.</summary>
    protected void EmitObjects(IReadOnlyList<object> values)
    {
        if (values.Count > 0)
        {
            Post(() =>
            {
                foreach (var value in values)
                {
                    WriteObject(value);
                }
            });
        }
    }

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
