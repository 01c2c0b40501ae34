using System.Management.Automation;
using System.Reflection;
using System.Management.Automation.Host;
using WAOps.Engine.Errors;
using WAOps.Engine.Planning;
using WAOps.Engine.Runs;

namespace WAOps.PowerShell.Infrastructure;

/// <summary>
/// Base of every WAOps cmdlet, and the host of its run: Ctrl+C (StopProcessing) cancels in-flight work, asynchronous
/// work streams its output through the pipeline thread, changes are confirmed through ShouldProcess, and failures
/// become ErrorRecords with stable ErrorIds.
/// </summary>
public abstract class WAOpsCmdlet : PSCmdlet
{
    private readonly CancellationTokenSource _stopping = new();
    private PipelineDispatcher? _dispatcher;
    private IRunHost? _runHost;

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
    /// Asks ShouldProcess on the pipeline thread from inside async work and waits for the answer, so each planned
    /// change is confirmed (or shown under -WhatIf) just before it is made. With -Force (and no -Confirm) a cmdlet
    /// that has it skips the question and says so in -Verbose. A host that cannot ask (a scheduled job) stops the run
    /// with ConfirmationRequired rather than guessing.
    /// </summary>
    public Task<ConfirmDecision> ConfirmAsync(string target, string action, CancellationToken cancellationToken)
    {
        var description = $"Performing the operation \"{action}\" on target \"{target}\".";
        if (SkipsConfirmation && !WhatIfActive)
        {
            EmitVerbose($"{description} (-Force)");
            return Task.FromResult(ConfirmDecision.Proceed);
        }

        var answer = new TaskCompletionSource<ConfirmDecision>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                var warning = $"Are you sure you want to perform this action?\n{description}";
                var proceed = ShouldProcess(description, warning, "Confirm", out var reason);
                answer.TrySetResult(proceed ? ConfirmDecision.Proceed : reason == ShouldProcessReason.WhatIf ? ConfirmDecision.WhatIf : ConfirmDecision.Declined);
            }
            catch (Exception ex) when (ex is PSInvalidOperationException or HostException)
            {
                answer.TrySetException(new WAOpsException(PlanErrorIds.ConfirmationRequired, ErrorKind.InvalidOperation,
                    $"'{action}' needs confirmation, and this host cannot ask ({ex.Message}). Nothing more was changed.", target)
                {
                    RecommendedAction = MyInvocation.MyCommand.Parameters.ContainsKey("Force")
                        ? "In scheduled jobs add -Force (or -Confirm:$false) once a -WhatIf run shows what would happen."
                        : "In scheduled jobs add -Confirm:$false once a -WhatIf run shows what would happen.",
                });
            }
            catch (Exception ex)
            {
                answer.TrySetException(ex);
            }
        });
        return answer.Task;
    }

    /// <summary>Whether this invocation makes changes without asking (a cmdlet's -Force without -Confirm).</summary>
    protected virtual bool SkipsConfirmation =>
        MyInvocation.BoundParameters.TryGetValue("Force", out var force) && force is SwitchParameter { IsPresent: true } && !MyInvocation.BoundParameters.ContainsKey("Confirm");

    /// <summary>-WhatIf given, or $WhatIfPreference set.</summary>
    protected bool WhatIfActive => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
        ? ((SwitchParameter)whatIf).IsPresent
        : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

    /// <summary>The activity name of this cmdlet's progress bar.</summary>
    protected virtual string ProgressActivity => MyInvocation.MyCommand.Name;

    /// <summary>This cmdlet's progress bar (one per cmdlet, so nested WAOps calls do not overwrite each other's).</summary>
    protected virtual int ProgressId => 1;

    /// <summary>
    /// This invocation as the host of a run. A separate object: PowerShell loads cmdlet types when it imports the module,
    /// before WAOps' own load context can resolve engine types, so the cmdlet itself implements no engine interface.
    /// </summary>
    protected IRunHost AsRunHost() => _runHost ??= new CmdletRunHost(this);

    internal void EmitProgress(RunProgress progress) => EmitProgress(progress.Completed
        ? new ProgressRecord(ProgressId, ProgressActivity, progress.Status) { RecordType = ProgressRecordType.Completed }
        : new ProgressRecord(ProgressId, ProgressActivity, progress.Status) { PercentComplete = progress.Percent ?? -1, CurrentOperation = progress.Operation });

    protected internal void EmitObject(object value) => Post(() => WriteObject(value));

    /// <summary>Writes several objects, in order, with one trip to the pipeline thread.</summary>
    protected internal void EmitObjects(IReadOnlyList<object> values)
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

    protected internal void EmitVerbose(string message) => Post(() => WriteVerbose(message));

    protected void EmitDebug(string message) => Post(() => WriteDebug(message));

    protected internal void EmitWarning(string message) => Post(() => WriteWarning(message));

    protected void EmitProgress(ProgressRecord record) => Post(() => WriteProgress(record));

    /// <summary>A failure of one item: reported, and the cmdlet goes on with the others.</summary>
    protected internal void EmitError(Exception exception, object? target) => Post(() => WriteError(ErrorRecords.From(exception, target)));

    /// <summary>Builds something from user input; a WAOps failure while doing so stops the cmdlet (nothing was read or written yet).</summary>
    protected T Checked<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (WAOpsException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
            throw; // not reached: ThrowTerminatingError always throws
        }
    }

    /// <summary>A path as given (relative to the current location, PowerShell drives allowed) as a file system path.</summary>
    protected string ResolvePath(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>The module's version (what reports name as the tool's version).</summary>
    protected static string ModuleVersion()
    {
        var version = typeof(WAOpsCmdlet).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus > 0 ? version[..plus] : version;
    }

    /// <summary>Stops the cmdlet with a terminating error built from a WAOps failure.</summary>
    protected void Terminate(string errorId, ErrorKind kind, string message, object? target) =>
        ThrowTerminatingError(ErrorRecords.Create(errorId, kind, message, target));
}
