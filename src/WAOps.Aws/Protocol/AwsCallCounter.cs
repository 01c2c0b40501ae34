using System.Collections.Concurrent;

namespace WAOps.Aws.Protocol;

/// <summary>Counts attempts per "Service:Operation" (benchmarks and tests print and assert on these).</summary>
public sealed class AwsCallCounter : IAwsCallObserver
{
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private int _retries;

    public int Retries => Volatile.Read(ref _retries);

    public int Total => _attempts.Values.Sum();

    public IReadOnlyDictionary<string, int> Snapshot() =>
        new SortedDictionary<string, int>(_attempts, StringComparer.Ordinal);

    public int Count(string serviceId, string operation) =>
        _attempts.TryGetValue($"{serviceId}:{operation}", out var count) ? count : 0;

    public void OnAttemptCompleted(AwsAttemptRecord attempt) =>
        _attempts.AddOrUpdate($"{attempt.ServiceId}:{attempt.Operation}", 1, static (_, n) => n + 1);

    public void OnRetryScheduled(AwsRetryRecord retry) => Interlocked.Increment(ref _retries);
}

/// <summary>Fans notifications out to several observers (for example verbose output and a counter).</summary>
public sealed class CompositeCallObserver : IAwsCallObserver
{
    private readonly IAwsCallObserver[] _observers;

    public CompositeCallObserver(params IAwsCallObserver[] observers) => _observers = observers;

    public void OnAttemptCompleted(AwsAttemptRecord attempt)
    {
        foreach (var observer in _observers)
        {
            observer.OnAttemptCompleted(attempt);
        }
    }

    public void OnRetryScheduled(AwsRetryRecord retry)
    {
        foreach (var observer in _observers)
        {
            observer.OnRetryScheduled(retry);
        }
    }
}
