using System.Text.Json.Serialization;
using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.GuardDuty.Model;

// GetDetector, named as in AWSSDK.GuardDuty (wire names are camelCase).

public sealed class GetDetectorRequest
{
    public string? DetectorId { get; set; }
}

public sealed class GetDetectorResponse : AwsResponse
{
    /// <summary>ENABLED or DISABLED.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("tags")]
    public Dictionary<string, string> Tags { get; set; } = new(StringComparer.Ordinal);

    [JsonPropertyName("findingPublishingFrequency")]
    public string? FindingPublishingFrequency { get; set; }
}
