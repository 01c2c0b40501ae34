using System.Text.Json.Serialization;
using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.GuardDuty.Model;

// ListDetectors, named as in AWSSDK.GuardDuty (wire names are camelCase).

public sealed class ListDetectorsRequest
{
    public int? MaxResults { get; set; }

    public string? NextToken { get; set; }
}

public sealed class ListDetectorsResponse : AwsResponse
{
    [JsonPropertyName("detectorIds")]
    public List<string> DetectorIds { get; set; } = new();

    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }
}
