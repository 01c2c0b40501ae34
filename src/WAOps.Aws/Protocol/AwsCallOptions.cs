namespace WAOps.Aws.Protocol;

/// <summary>How calls made through a session behave: retries, and who is told about each call.</summary>
public sealed record AwsCallOptions
{
    public static readonly AwsCallOptions Default = new();

    public RetryOptions Retry { get; init; } = RetryOptions.Default;

    /// <summary>Told about every attempt, retry and failure (verbose/debug output, call counting). Never sees secrets.</summary>
    public IAwsCallObserver Observer { get; init; } = NullCallObserver.Instance;
}
