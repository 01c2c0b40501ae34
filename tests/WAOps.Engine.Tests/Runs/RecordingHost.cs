using WAOps.Engine.Errors;
using WAOps.Engine.Runs;

namespace WAOps.Engine.Tests.Runs;

/// <summary>A run host that keeps everything a run writes, and answers confirmations as told (all Proceed by default).</summary>
internal sealed class RecordingHost : IRunHost
{
    private readonly object _gate = new();

    public List<object> Output { get; } = new();

    public List<string> Verbose { get; } = new();

    public List<string> Warnings { get; } = new();

    public List<(WAOpsException Error, object? Target)> Errors { get; } = new();

    public List<RunProgress> Progress { get; } = new();

    public List<string> Asked { get; } = new();

    /// <summary>The answer for a confirmation, by target; Proceed when it returns null.</summary>
    public Func<string, ConfirmDecision?> Answer { get; set; } = _ => null;

    public IEnumerable<T> Of<T>() => Output.OfType<T>();

    public void Emit(object result)
    {
        lock (_gate)
        {
            Output.Add(result);
        }
    }

    public void EmitMany(IReadOnlyList<object> results)
    {
        lock (_gate)
        {
            Output.AddRange(results);
        }
    }

    void IRunHost.Verbose(string message)
    {
        lock (_gate)
        {
            Verbose.Add(message);
        }
    }

    public void Warning(string message)
    {
        lock (_gate)
        {
            Warnings.Add(message);
        }
    }

    public void Error(WAOpsException error, object? target)
    {
        lock (_gate)
        {
            Errors.Add((error, target));
        }
    }

    void IRunHost.Progress(RunProgress progress)
    {
        lock (_gate)
        {
            Progress.Add(progress);
        }
    }

    public Task<ConfirmDecision> ConfirmAsync(string target, string action, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Asked.Add(target);
        }

        return Task.FromResult(Answer(target) ?? ConfirmDecision.Proceed);
    }
}
