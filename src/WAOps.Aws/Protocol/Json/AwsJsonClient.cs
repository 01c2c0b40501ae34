using WAOps.Aws.Session;

namespace WAOps.Aws.Protocol.Json;

/// <summary>awsJson1_0 / awsJson1_1: POST / with X-Amz-Target "&lt;prefix&gt;.&lt;Operation&gt;" and a JSON body.</summary>
public abstract class AwsJsonClient : AwsProtocolClient
{
    private readonly string _contentType;

    protected AwsJsonClient(AwsSession session, AwsServiceDescriptor service)
        : base(session, service)
    {
        _contentType = service.Protocol switch
        {
            AwsProtocol.AwsJson1_0 => "application/x-amz-json-1.0",
            AwsProtocol.AwsJson1_1 => "application/x-amz-json-1.1",
            _ => throw new ArgumentException($"{service.ServiceId} does not speak awsJson.", nameof(service)),
        };
    }

    protected async Task<TResponse> InvokeAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
        where TResponse : AwsResponse, new()
    {
        var response = await SendJsonAsync(operation, request, cancellationToken).ConfigureAwait(false);
        return ReadResponse<TResponse>(operation, response);
    }

    /// <summary>
    /// Sends one operation and returns its successful answer unparsed (errors are thrown as usual), for a caller
    /// that must read part of the answer before the rest: the next page's token, say.
    /// </summary>
    protected Task<AwsHttpResponse> SendJsonAsync<TRequest>(string operation, TRequest request, CancellationToken cancellationToken)
    {
        var http = new AwsHttpRequest(operation, HttpMethod.Post, "/", AwsJsonSerializer.Serialize(request));
        http.Headers["Content-Type"] = _contentType;
        http.Headers["X-Amz-Target"] = $"{Service.TargetPrefix}.{operation}";
        if (Service.AwsQueryCompatible)
        {
            http.Headers["x-amzn-query-mode"] = "true";
        }

        return SendAsync(http, r => AwsJsonErrorParser.Parse(Service, operation, r), cancellationToken);
    }

    /// <summary>Parses a successful answer of <see cref="SendJsonAsync"/>.</summary>
    protected TResponse ReadResponse<TResponse>(string operation, AwsHttpResponse response)
        where TResponse : AwsResponse, new() =>
        WithResponseMetadata(ReadBody<TResponse>(operation, response), response);

    /// <summary>Parses a successful answer of <see cref="SendJsonAsync"/> with a reader of its own.</summary>
    protected TResponse ReadResponse<TResponse>(string operation, AwsHttpResponse response, Func<byte[], TResponse> read)
        where TResponse : AwsResponse =>
        WithResponseMetadata(ReadBody(operation, response, read), response);

    private static TResponse WithResponseMetadata<TResponse>(TResponse result, AwsHttpResponse response)
        where TResponse : AwsResponse
    {
        result.RequestId = response.RequestId;
        result.HttpStatusCode = response.StatusCode;
        return result;
    }
}
