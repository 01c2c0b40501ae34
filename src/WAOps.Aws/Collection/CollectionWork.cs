namespace WAOps.Aws.Collection;

/// <summary>One listing to run: where (a region, or the account for global ones), what it is called in progress and failures, and the work.</summary>
public sealed record CollectionWork(string Region, string Listing, Func<CancellationToken, Task> RunAsync)
{
    /// <summary>What the listing leaves unknown when it fails (the inventory records it so rules report errors, not passes).</summary>
    public Action<Exception>? OnFailed { get; init; }
}
