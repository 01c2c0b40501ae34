using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.ResourceGroupsTagging.Model;

// TagResources and UntagResources, named as in AWSSDK.ResourceGroupsTaggingAPI.

public sealed class TagResourcesRequest
{
    public List<string>? ResourceARNList { get; set; }

    public Dictionary<string, string>? Tags { get; set; }
}

public sealed class TagResourcesResponse : AwsResponse
{
    /// <summary>ARNs that were not tagged and why; the call itself answers HTTP 200.</summary>
    public Dictionary<string, FailureInfo> FailedResourcesMap { get; set; } = new(StringComparer.Ordinal);
}

public sealed class UntagResourcesRequest
{
    public List<string>? ResourceARNList { get; set; }

    public List<string>? TagKeys { get; set; }
}

public sealed class UntagResourcesResponse : AwsResponse
{
    public Dictionary<string, FailureInfo> FailedResourcesMap { get; set; } = new(StringComparer.Ordinal);
}

public sealed class FailureInfo
{
    public int? StatusCode { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }
}
