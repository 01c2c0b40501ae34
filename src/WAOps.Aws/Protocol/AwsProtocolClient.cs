using WAOps.Aws.Session;

namespace WAOps.Aws.Protocol;

/// <summary>
/// Base of every WAOps protocol client: one session, one service, its endpoint resolved once. Derived
/// protocol bases frame requests and parse answers; service clients add the operations.
/// </summary>
public abstract class AwsProtocolClient
{
    protected AwsProtocolClient(AwsSession session, AwsServiceDescriptor service)
    {
        Session = session;
        Service = service;
        Endpoint = AwsEndpointResolver.Resolve(session, service);
    }

    public AwsSession Session { get; }

    public AwsServiceDescriptor Service { get; }

    public ResolvedEndpoint Endpoint { get; }

    /// <summary>Reads a JSON success body; an unreadable one is an <see cref="AwsResponseException"/>.</summary>
    protected TResponse ReadBody<TResponse>(string operation, AwsHttpResponse response)
        where TResponse : new() =>
        ReadBody(operation, response, static body => Json.AwsJsonSerializer.Deserialize<TResponse>(body));

    /// <summary>Reads a JSON success body with a reader of its own (a hot page type); an unreadable one is an <see cref="AwsResponseException"/>.</summary>
    protected TResponse ReadBody<TResponse>(string operation, AwsHttpResponse response, Func<byte[], TResponse> read)
    {
        try
        {
            return read(response.Body);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new AwsResponseException(Service.ServiceId, operation, response.StatusCode, response.RequestId, ex);
        }
    }

    protected Task<AwsHttpResponse> SendAsync(AwsHttpRequest request, Func<AwsHttpResponse, AwsServiceException> parseError, CancellationToken cancellationToken) =>
        AwsHttpTransport.SendAsync(Session, Service, Endpoint, request, parseError, cancellationToken);
}
