namespace WAOps.PowerShell.Infrastructure;

/// <summary>
/// Runs a cmdlet's asynchronous work on the thread pool while the pipeline thread writes what it produces.
/// PowerShell only accepts WriteObject/WriteVerbose/WriteProgress/WriteError from the pipeline thread, so the
/// work posts those calls here and <see cref="Run"/> executes them in order on the calling (pipeline) thread
/// as they arrive: results stream out while later pages are still being fetched.
/// </summary>
/// <remarks>
/// The pipeline thread takes everything queued at each wake-up, and a post wakes it only when it is asleep:
/// a scan posts tens of thousands of objects, and a hand-over per object (a semaphore signal, a spin, a context
/// switch) cost more CPU than writing the objects, CPU that the machine's other core needs for the service.
/// </remarks>
internal sealed class PipelineDispatcher
{
    private readonly object _gate = new();
    private List<Action> _queued = new();
    private bool _completed;
    private bool _pipelineAsleep;

    /// <summary>Queues an action for the pipeline thread; ignored once the work has finished.</summary>
    public void Post(Action action)
    {
        lock (_gate)
        {
            // Completed: a late observer callback after the work ended has nowhere to go.
            if (_completed)
            {
                return;
            }

            _queued.Add(action);
            if (_pipelineAsleep)
            {
                Monitor.Pulse(_gate);
            }
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
                Complete();
            }
        });

        try
        {
            var taken = new List<Action>();
            while (TakeQueued(ref taken))
            {
                foreach (var action in taken)
                {
                    action();
                }

                taken.Clear();
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

    /// <summary>
    /// Waits until something is queued and swaps it into <paramref name="taken"/> (an empty list); false once the
    /// work has finished and everything it queued has been taken.
    /// </summary>
    private bool TakeQueued(ref List<Action> taken)
    {
        lock (_gate)
        {
            while (_queued.Count == 0 && !_completed)
            {
                _pipelineAsleep = true;
                Monitor.Wait(_gate);
                _pipelineAsleep = false;
            }

            if (_queued.Count == 0)
            {
                return false;
            }

            (taken, _queued) = (_queued, taken);
            return true;
        }
    }

    private void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.Pulse(_gate);
        }
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
