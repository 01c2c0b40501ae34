using WAOps.Engine.Inventory;
using WAOps.Engine.Runs;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Services.Sts;
using WAOps.Aws.Session;
using WAOps.Engine.Cleanup;

namespace WAOps.Aws.Cleanup;

/// <summary>A cleanup run's source in one region: the caller's account (STS), and the resources, their metrics and verdicts.</summary>
public sealed class IdleSource : IIdleSource, IDisposable
{
    private readonly AwsSession _session;
    private IdleResourceReader? _reader;

    public IdleSource(AwsSession session) => _session = session;

    public string Region => _session.Region;

    /// <summary>The reader of this region (created with the account); the cleanup's applier re-reads and writes through it.</summary>
    public IdleResourceReader Reader => _reader ?? throw new InvalidOperationException("The account is read first.");

    public async Task<string> AccountIdAsync(CancellationToken cancellationToken)
    {
        var identity = await CallerIdentityGateway.GetAsync(_session, cancellationToken).ConfigureAwait(false);
        _reader ??= new IdleResourceReader(_session, identity.Account);
        return identity.Account;
    }

    public Task<IdleCollection> CollectAsync(CleanupOptions options, DateTimeOffset now, Action<RunProgress> onProgress, Action<CollectionFailure> onFailure,
        CancellationToken cancellationToken) =>
        IdleCleanupCollector.CollectAsync(Reader, new CloudWatchClient(_session), options, now, onProgress, onFailure, cancellationToken);

    public void Dispose() => _reader?.Dispose();
}
