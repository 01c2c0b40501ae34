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
        var http = new AwsHttpRequest(operation, HttpMethod.Post, "/", AwsJsonSerializer.Serialize(request));
        http.Headers["Content-Type"] = _contentType;
        http.Headers["X-Amz-Target"] = $"{Service.TargetPrefix}.{operation}";
        if (Service.AwsQueryCompatible)
        {
            http.Headers["x-amzn-query-mode"] = "true";
        }

        var response = await SendAsync(http, r => AwsJsonErrorParser.Parse(Service, operation, r), cancellationToken).ConfigureAwait(false);
        var result = ReadBody<TResponse>(operation, response);
        result.RequestId = response.RequestId;
        result.HttpStatusCode = response.StatusCode;
        return result;
    }
}
