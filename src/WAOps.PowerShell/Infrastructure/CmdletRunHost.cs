using WAOps.Engine.Errors;
using WAOps.Engine.Runs;

namespace WAOps.PowerShell.Infrastructure;

/// <summary>A cmdlet invocation as the host of a run: results, messages and progress go through its pipeline thread; confirmation through ShouldProcess.</summary>
internal sealed class CmdletRunHost : IRunHost
{
    private readonly WAOpsCmdlet _cmdlet;

    public CmdletRunHost(WAOpsCmdlet cmdlet) => _cmdlet = cmdlet;

    public void Emit(object result) => _cmdlet.EmitObject(result);

    public void EmitMany(IReadOnlyList<object> results) => _cmdlet.EmitObjects(results);

    public void Verbose(string message) => _cmdlet.EmitVerbose(message);

    public void Warning(string message) => _cmdlet.EmitWarning(message);

    public void Error(WAOpsException error, object? target) => _cmdlet.EmitError(error, target);

    public void Progress(RunProgress progress) => _cmdlet.EmitProgress(progress);

    public Task<ConfirmDecision> ConfirmAsync(string target, string action, CancellationToken cancellationToken) => _cmdlet.ConfirmAsync(target, action, cancellationToken);
}
