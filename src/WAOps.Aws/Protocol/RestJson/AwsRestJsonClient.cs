using WAOps.Aws.Protocol.Json;
using WAOps.Aws.Session;

namespace WAOps.Aws.Protocol.RestJson;

/// <summary>
/// restJson1: the operation's HTTP method and path (labels already escaped by the service client), query
/// members as query parameters, a JSON body for the rest.
/// </summary>
public abstract class AwsRestJsonClient : AwsProtocolClient
{
    protected AwsRestJsonClient(AwsSession session, AwsServiceDescriptor service)
        : base(session, service)
    {
        if (service.Protocol != AwsProtocol.RestJson1)
        {
            throw new ArgumentException($"{service.ServiceId} does not speak restJson1.", nameof(service));
        }
    }

    protected async Task<TResponse> InvokeAsync<TResponse>(
        string operation,
        HttpMethod method,
        string path,
        IReadOnlyDictionary<string, string?>? query,
        object? body,
        CancellationToken cancellationToken)
        where TResponse : AwsResponse, new()
    {
        var http = new AwsHttpRequest(operation, method, path, body is null ? null : AwsJsonSerializer.Serialize(body));
        if (body is not null)
        {
            http.Headers["Content-Type"] = "application/json";
        }

        foreach (var (name, value) in query ?? new Dictionary<string, string?>())
        {
            if (value is not null)
            {
                http.QueryParameters[name] = value;
            }
        }

        var response = await SendAsync(http, r => AwsJsonErrorParser.Parse(Service, operation, r), cancellationToken).ConfigureAwait(false);
        var result = ReadBody<TResponse>(operation, response);
        result.RequestId = response.RequestId;
        result.HttpStatusCode = response.StatusCode;
        return result;
    }

    /// <summary>Escapes one path label (an id or name placed into the URI path).</summary>
    protected static string Label(string value) => Uri.EscapeDataString(value);
}
