namespace WAOps.Aws.Monitoring;

/// <summary>
/// Spaces calls evenly at a rate per second: each caller gets the next free slot and waits for it. CloudWatch
/// allows PutMetricAlarm about 3 times per second per region (an adjustable quota); pacing writes keeps a run
/// from living on throttling retries, which the transport still does when AWS throttles anyway.
/// </summary>
public sealed class WriteRateLimiter
{
    private readonly TimeSpan _interval;
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private DateTimeOffset _next;

    public WriteRateLimiter(double callsPerSecond, TimeProvider? time = null)
    {
        if (!(callsPerSecond > 0) || double.IsInfinity(callsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(callsPerSecond), "The rate must be a positive number of calls per second.");
        }

        _interval = TimeSpan.FromSeconds(1 / callsPerSecond);
        _time = time ?? TimeProvider.System;
        _next = _time.GetUtcNow();
    }

    public double CallsPerSecond => 1 / _interval.TotalSeconds;

    /// <summary>Waits for this caller's slot.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var slot = _next > now ? _next : now;
            _next = slot + _interval;
            wait = slot - now;
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, _time, cancellationToken) : Task.CompletedTask;
    }
}
