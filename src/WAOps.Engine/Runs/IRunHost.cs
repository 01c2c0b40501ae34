using WAOps.Engine.Errors;

namespace WAOps.Engine.Runs;

/// <summary>
/// What a run needs from whoever started it (a cmdlet, a test): somewhere to write results, messages and progress,
/// and someone to confirm each change. Calls may come from any thread; the host serializes them.
/// </summary>
public interface IRunHost
{
    /// <summary>One result object, written as soon as it exists.</summary>
    void Emit(object result);

    /// <summary>Several results in order, in one trip.</summary>
    void EmitMany(IReadOnlyList<object> results);

    void Verbose(string message);

    void Warning(string message);

    /// <summary>A failure of one item: reported, and the run goes on with the others.</summary>
    void Error(WAOpsException error, object? target);

    void Progress(RunProgress progress);

    /// <summary>Asks whether to make one change (ShouldProcess): proceed, declined, or only shown (-WhatIf).</summary>
    Task<ConfirmDecision> ConfirmAsync(string target, string action, CancellationToken cancellationToken);
}
