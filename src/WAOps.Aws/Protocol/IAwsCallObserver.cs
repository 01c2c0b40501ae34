namespace WAOps.Aws.Protocol;

/// <summary>
/// Receives one notification per HTTP attempt and per retry decision. Called from any thread; implementations
/// must be thread-safe and must not block. The data carries no headers or bodies, so no secret can leak here.
/// </summary>
public interface IAwsCallObserver
{
    void OnAttemptCompleted(AwsAttemptRecord attempt);

    void OnRetryScheduled(AwsRetryRecord retry);
}

/// <summary>One HTTP attempt: which operation, how it ended, how long it took (unknown for official-SDK calls).</summary>
public sealed record AwsAttemptRecord(
    string ServiceId,
    string Operation,
    string Region,
    int Attempt,
    int? StatusCode,
    string? ErrorCode,
    string? RequestId,
    TimeSpan? Elapsed);

/// <summary>A retry WAOps is about to make, and why.</summary>
public sealed record AwsRetryRecord(
    string ServiceId,
    string Operation,
    int NextAttempt,
    int MaxAttempts,
    TimeSpan Delay,
    string Reason);

public sealed class NullCallObserver : IAwsCallObserver
{
    public static readonly NullCallObserver Instance = new();

    public void OnAttemptCompleted(AwsAttemptRecord attempt)
    {
    }

    public void OnRetryScheduled(AwsRetryRecord retry)
    {
    }
}
