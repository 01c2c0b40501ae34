using System.Diagnostics;
using System.Management.Automation;

namespace WAOps.PowerShell.Infrastructure;

/// <summary>
/// Turns frequent progress reports from scans into a WriteProgress at most every quarter second, so a
/// 20,000-resource scan does not spend its time redrawing the progress bar.
/// </summary>
internal sealed class ProgressThrottle
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly Action<ProgressRecord> _write;
    private readonly string _activity;
    private readonly string _status;
    private readonly Stopwatch _since = Stopwatch.StartNew();
    private readonly object _gate = new();

    public ProgressThrottle(Action<ProgressRecord> write, string activity, string status)
    {
        _write = write;
        _activity = activity;
        _status = status;
    }

    public void Report(Aws.Inventory.TagScanProgress progress)
    {
        // Checked before the text is made: a scan reports every page, and most reports are dropped here.
        if (Due())
        {
            Write($"{progress.Resources} resources; {progress.ListingsDone} of {progress.ListingsTotal} listings done ({progress.LastListing})",
                progress.ListingsDone, progress.ListingsTotal);
        }
    }

    /// <summary>Reports <paramref name="operation"/> with done of total (throttled).</summary>
    public void Report(string operation, int done, int total)
    {
        if (Due())
        {
            Write(operation, done, total);
        }
    }

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

    private void Write(string operation, int done, int total) =>
        _write(new ProgressRecord(1, _activity, _status)
        {
            CurrentOperation = operation,
            PercentComplete = total == 0 ? -1 : Math.Min(99, 100 * done / total),
        });

    public void Complete() => _write(new ProgressRecord(1, _activity, "Done") { RecordType = ProgressRecordType.Completed });
}
