using System.Text.Json.Serialization;
using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.Ecs.Model;

// ListClusters and ListServices, named as in AWSSDK.ECS (wire names are camelCase).

public sealed class ListClustersRequest
{
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }
}

public sealed class ListClustersResponse : AwsResponse
{
    [JsonPropertyName("clusterArns")]
    public List<string> ClusterArns { get; set; } = new();

    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }
}

public sealed class ListServicesRequest
{
    [JsonPropertyName("cluster")]
    public string? Cluster { get; set; }

    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }
}

public sealed class ListServicesResponse : AwsResponse
{
    [JsonPropertyName("serviceArns")]
    public List<string> ServiceArns { get; set; } = new();

    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }
}
