using Amazon.Runtime;

namespace WAOps.Aws.Services.Sdk;

/// <summary>
/// HttpClients that never reuse a connection, for the official SDK clients that write. .NET's HttpClient re-sends a
/// request on its own, once and unseen, when a pooled connection it reused closes before any answer arrives. For a
/// write whose answer was lost after it took effect, that hidden second attempt meets its own result ("not found" for
/// a delete that worked, a second snapshot for a create) and WAOps could not tell. On a fresh connection the lost
/// answer surfaces as an error, and <see cref="AwsSdkCall"/> retries knowing the earlier attempt may have taken effect.
/// Reads keep their pooled connections: re-sending a read is harmless.
/// </summary>
internal sealed class FreshConnectionHttpClientFactory : HttpClientFactory
{
    public static readonly FreshConnectionHttpClientFactory Instance = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            Timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(100),
        };

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
}
