using System.Text.Json.Serialization;

namespace WAOps.Aws.Protocol;

/// <summary>What every response carries besides its members, as in the official SDK's AmazonWebServiceResponse.</summary>
public abstract class AwsResponse
{
    [JsonIgnore]
    public string? RequestId { get; set; }

    [JsonIgnore]
    public int HttpStatusCode { get; set; }
}
