using System.Diagnostics;

namespace WAOps.Engine.Runs;

/// <summary>
/// Passes a run's frequent progress reports (a scan reports every page) to its host at most every quarter second, so
/// a 20,000-resource scan does not spend its time redrawing the progress bar. The text is made only for reports that go through.
/// </summary>
public sealed class ThrottledProgress
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly IRunHost _host;
    private readonly string _status;
    private readonly Stopwatch _since = Stopwatch.StartNew();
    private readonly object _gate = new();

    public ThrottledProgress(IRunHost host, string status)
    {
        _host = host;
        _status = status;
    }

    /// <summary>Reports done of total with the operation <paramref name="operation"/> makes, when a report is due.</summary>
    public void Report(Func<string> operation, int done, int total)
    {
        if (Due())
        {
            _host.Progress(RunProgress.Of(_status, done, total, operation()));
        }
    }

    public void Report(string operation, int done, int total) => Report(() => operation, done, total);

    private bool Due()
    {
        lock (_gate)
        {
            if (_since.Elapsed < Interval)
            {
                return false;
            }

            _since.Restart();
            return true;
        }
    }
}
