using WAOps.Engine.Errors;
using WAOps.Engine.Runs;

namespace WAOps.Engine.Planning;

/// <summary>
/// Carries out a plan, the one way every WAOps writer does: each write is confirmed with the host (ShouldProcess;
/// -WhatIf shows it and makes nothing) just before it is made, by an applier one at a time, several at once, or in
/// batches; every change gets one result (Created, Updated, Deleted, Unchanged, Skipped, Failed) as soon as it has
/// one; a failed change is reported as an error of its own and the rest go on; a prerequisite that is not made skips
/// what depends on it; cancellation stops at once.
/// </summary>
public sealed class PlanExecutor
{
    public const string UnexpectedErrorId = PlanErrorIds.UnexpectedError;

    private readonly IRunHost _host;

    public PlanExecutor(IRunHost host) => _host = host;

    /// <summary>Applies each approved write with <paramref name="applier"/>, at most <see cref="ExecutionOptions.MaxConcurrency"/> at once.</summary>
    public async Task<PlanExecution<TOperation>> ExecuteAsync<TOperation>(IReadOnlyList<PlannedChange<TOperation>> plan, IChangeApplier<TOperation> applier,
        ExecutionOptions options, Action<ExecutedChange<TOperation>> onResult, CancellationToken cancellationToken)
        where TOperation : class
    {
        var results = new List<ExecutedChange<TOperation>>();
        var gate = new object();
        void Report(ExecutedChange<TOperation> result)
        {
            lock (gate)
            {
                results.Add(result);
            }

            onResult(result);
        }

        using var slots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrency));
        var running = new List<Task>();
        var writes = plan.Count(c => c.IsWrite);
        var done = 0;
        var shown = 0;
        string? missing = null;
        foreach (var change in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!change.IsWrite)
            {
                Report(new ExecutedChange<TOperation>(change, change.SuccessOutcome, null, null, Array.Empty<string>()));
                continue;
            }

            if (missing is not null)
            {
                Report(new ExecutedChange<TOperation>(change, ChangeOutcome.Skipped, $"Not made: it needs {missing}, which was not made.", null, Array.Empty<string>()));
                continue;
            }

            var decision = await _host.ConfirmAsync(change.Target, change.Describe(), cancellationToken).ConfigureAwait(false);
            if (decision == ConfirmDecision.WhatIf)
            {
                shown++;
                continue;
            }

            if (decision == ConfirmDecision.Declined)
            {
                Report(new ExecutedChange<TOperation>(change, ChangeOutcome.Skipped, "Declined at the confirmation prompt.", null, Array.Empty<string>()));
                missing ??= change.IsPrerequisite ? change.ToString() : null;
                continue;
            }

            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            var apply = Task.Run(async () =>
            {
                try
                {
                    var result = await ApplyOneAsync(applier, change, cancellationToken).ConfigureAwait(false);
                    Report(result);
                    var finished = Interlocked.Increment(ref done);
                    if (options.ReportProgress)
                    {
                        _host.Progress(RunProgress.Of($"{options.ProgressLabel}: {finished} of {writes}", finished, writes, change.ToString()));
                    }

                    return result;
                }
                finally
                {
                    slots.Release();
                }
            }, CancellationToken.None);

            if (change.IsPrerequisite || options.MaxConcurrency <= 1)
            {
                // A prerequisite is finished before anything that depends on it starts.
                var result = await apply.ConfigureAwait(false);
                missing ??= change.IsPrerequisite && !result.AsPlanned ? change.ToString() : null;
            }
            else
            {
                running.Add(apply);
            }
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        return new PlanExecution<TOperation>(results, shown);
    }

    /// <summary>Confirms each write in plan order, then applies the approved ones together with <paramref name="applier"/>.</summary>
    public async Task<PlanExecution<TOperation>> ExecuteBatchedAsync<TOperation>(IReadOnlyList<PlannedChange<TOperation>> plan, IBatchChangeApplier<TOperation> applier,
        Action<ExecutedChange<TOperation>> onResult, CancellationToken cancellationToken)
        where TOperation : class
    {
        var results = new List<ExecutedChange<TOperation>>();
        void Report(ExecutedChange<TOperation> result)
        {
            results.Add(result);
            onResult(result);
        }

        var approved = new List<PlannedChange<TOperation>>();
        var shown = 0;
        foreach (var change in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!change.IsWrite)
            {
                Report(new ExecutedChange<TOperation>(change, change.SuccessOutcome, null, null, Array.Empty<string>()));
                continue;
            }

            switch (await _host.ConfirmAsync(change.Target, change.Describe(), cancellationToken).ConfigureAwait(false))
            {
                case ConfirmDecision.Proceed:
                    approved.Add(change);
                    break;
                case ConfirmDecision.Declined:
                    Report(new ExecutedChange<TOperation>(change, ChangeOutcome.Skipped, "Declined at the confirmation prompt.", null, Array.Empty<string>()));
                    break;
                default:
                    shown++;
                    break;
            }
        }

        if (approved.Count > 0)
        {
            _host.Progress(new RunProgress($"Applying {approved.Count} change(s)"));
            IReadOnlyList<ApplyResult> applied;
            try
            {
                applied = await applier.ApplyAsync(approved, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var error = AsWAOps(ex, null);
                applied = approved.Select(_ => ApplyResult.Failed(error)).ToList();
            }

            for (var i = 0; i < approved.Count; i++)
            {
                Report(Finish(approved[i], applied[i]));
            }
        }

        return new PlanExecution<TOperation>(results, shown);
    }

    private async Task<ExecutedChange<TOperation>> ApplyOneAsync<TOperation>(IChangeApplier<TOperation> applier, PlannedChange<TOperation> change, CancellationToken cancellationToken)
        where TOperation : class
    {
        ApplyResult applied;
        try
        {
            applied = await applier.ApplyAsync(change, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            applied = ApplyResult.Failed(AsWAOps(ex, change.Target));
        }

        return Finish(change, applied);
    }

    private ExecutedChange<TOperation> Finish<TOperation>(PlannedChange<TOperation> change, ApplyResult applied)
        where TOperation : class
    {
        var outcome = applied.Outcome ?? change.SuccessOutcome;
        if (outcome == ChangeOutcome.Failed)
        {
            _host.Error(applied.Error ?? new WAOpsException(UnexpectedErrorId, ErrorKind.NotSpecified, applied.Note ?? $"{change} failed.", change.Target), change.Target);
        }

        return new ExecutedChange<TOperation>(change, outcome, applied.Note, applied.Error, applied.Artifacts ?? Array.Empty<string>(), applied.ErrorCode);
    }

    private static WAOpsException AsWAOps(Exception exception, string? target) =>
        exception as WAOpsException ?? new WAOpsException(UnexpectedErrorId, ErrorKind.NotSpecified, exception.Message, target, exception);
}
