using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.RestJson;
using WAOps.Aws.Services.ApiGateway.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.ApiGateway;

/// <summary>Amazon API Gateway (REST APIs) over restJson1: REST API metrics are dimensioned by the API's name, which its ARN lacks.</summary>
public sealed class ApiGatewayClient : AwsRestJsonClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "API Gateway",
        EndpointPrefix = "apigateway",
        ApiVersion = "2015-07-09",
        Protocol = AwsProtocol.RestJson1,
        EndpointEnvironmentSuffix = "API_GATEWAY",
    };

    public ApiGatewayClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<GetRestApiResponse> GetRestApiAsync(GetRestApiRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<GetRestApiResponse>("GetRestApi", HttpMethod.Get, "/restapis/" + Label(request.RestApiId ?? string.Empty), null, body: null, cancellationToken);
}
