using WAOps.Aws.Protocol;
using WAOps.Aws.Session;

namespace WAOps.Aws.Tests.Support;

/// <summary>Sessions pointed at a local endpoint with dummy keys: the only kind of session a test may use.</summary>
public static class TestSessions
{
    public static AwsSession For(Uri endpoint, string region = TestCredentials.Region, AwsCallOptions? options = null,
        string accessKey = TestCredentials.AccessKey, string secretKey = TestCredentials.SecretKey, string? sessionToken = null) =>
        AwsSessionResolver.Resolve(
            new AwsSessionRequest
            {
                AccessKey = accessKey,
                SecretKey = secretKey,
                SessionToken = sessionToken,
                Region = region,
                EndpointUrl = endpoint.ToString(),
                Environment = new DictionaryEnvironmentReader(new Dictionary<string, string>()),
            },
            options);

    public static AwsSession For(MotoServer server, string region = TestCredentials.Region, AwsCallOptions? options = null) =>
        For(server.Endpoint, region, options);

    /// <summary>Fast retries for tests that provoke them; attempts get a generous timeout so a busy machine is not mistaken for a fault.</summary>
    public static AwsCallOptions QuickRetries(int maxAttempts, IAwsCallObserver? observer = null) => new()
    {
        Retry = new RetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(40), AttemptTimeout = TimeSpan.FromSeconds(60) },
        Observer = observer ?? NullCallObserver.Instance,
    };
}
