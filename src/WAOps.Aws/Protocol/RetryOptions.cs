namespace WAOps.Aws.Protocol;

/// <summary>
/// Bounded retries with exponential backoff and full jitter: before attempt n+1 WAOps waits a random time in
/// [0, min(MaxDelay, BaseDelay * 2^n)]. AWS_MAX_ATTEMPTS overrides <see cref="MaxAttempts"/> as in the SDKs.
/// </summary>
public sealed record RetryOptions
{
    public static readonly RetryOptions Default = new();

    /// <summary>Total attempts including the first (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one attempt may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan DelayBefore(int nextAttempt, Random random)
    {
        // nextAttempt is 2 for the first retry; the ceiling doubles each time up to MaxDelay.
        var exponent = Math.Min(nextAttempt - 1, 30);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(random.NextDouble() * ceiling);
    }
}
