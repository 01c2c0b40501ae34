using WAOps.Aws.Protocol;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.Sdk;

/// <summary>Runs a series of official-SDK calls to one service with WAOps' error translation and one cancellation token.</summary>
internal sealed class SdkCalls
{
    private readonly AwsServiceDescriptor _service;
    private readonly AwsSession _session;
    private readonly CancellationToken _cancellationToken;

    public SdkCalls(AwsServiceDescriptor service, AwsSession session, CancellationToken cancellationToken)
    {
        _service = service;
        _session = session;
        _cancellationToken = cancellationToken;
    }

    public CancellationToken CancellationToken => _cancellationToken;

    public Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call) =>
        AwsSdkCall.RunAsync(_session, _service, operation, call, _cancellationToken);

    /// <summary>Pages through a NextToken-style listing, one call per page, until the token runs out.</summary>
    public async Task PageAsync<TResponse>(string operation, Func<string?, CancellationToken, Task<TResponse>> call, Func<TResponse, string?> nextToken, Action<TResponse> onPage)
    {
        string? token = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var current = token;
            var page = await RunAsync(operation, ct => call(current, ct)).ConfigureAwait(false);
            onPage(page);
            token = nextToken(page);
        }
        while (!string.IsNullOrEmpty(token) && seen.Add(token));
    }
}
