using System.Collections.Concurrent;

namespace WAOps.PowerShell.Infrastructure;

/// <summary>
/// Runs a cmdlet's asynchronous work on the thread pool while the pipeline thread writes what it produces.
/// PowerShell only accepts WriteObject/WriteVerbose/WriteProgress/WriteError from the pipeline thread, so the
/// work posts those calls here and <see cref="Run"/> executes them in order on the calling (pipeline) thread
/// as they arrive: results stream out while later pages are still being fetched.
/// </summary>
internal sealed class PipelineDispatcher
{
    private readonly BlockingCollection<Action> _pending = new();

    /// <summary>Queues an action for the pipeline thread; ignored once the work has finished.</summary>
    public void Post(Action action)
    {
        try
        {
            _pending.Add(action);
        }
        catch (InvalidOperationException)
        {
            // Completed: a late observer callback after the work ended has nowhere to go.
        }
    }

    /// <summary>
    /// Starts <paramref name="work"/> and pumps its posted actions until it finishes. If an action throws
    /// (downstream stopped the pipeline, for example) the work is cancelled and the exception rethrown.
    /// Exceptions of the work itself are rethrown unwrapped.
    /// </summary>
    public void Run(Func<CancellationToken, Task> work, CancellationTokenSource cancellation)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work(cancellation.Token).ConfigureAwait(false);
            }
            finally
            {
                _pending.CompleteAdding();
            }
        });

        try
        {
            foreach (var action in _pending.GetConsumingEnumerable())
            {
                action();
            }
        }
        catch
        {
            cancellation.Cancel();
            WaitQuietly(task);
            throw;
        }

        task.GetAwaiter().GetResult();
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // The pipeline's own exception is what matters; the cancelled work's is a consequence of it.
        }
    }
}
