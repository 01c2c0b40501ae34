using System.Text.Json.Serialization;
using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.ApiGateway.Model;

// GetRestApi, named as in AWSSDK.APIGateway (wire names are camelCase).

public sealed class GetRestApiRequest
{
    public string? RestApiId { get; set; }
}

public sealed class GetRestApiResponse : AwsResponse
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
