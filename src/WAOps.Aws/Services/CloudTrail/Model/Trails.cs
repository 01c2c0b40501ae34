using System.Text.Json.Serialization;
using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.CloudTrail.Model;

// DescribeTrails, GetTrailStatus and GetEventSelectors, named as in AWSSDK.CloudTrail. DescribeTrails' members are camelCase on the wire.

public sealed class DescribeTrailsRequest
{
    [JsonPropertyName("trailNameList")]
    public List<string>? TrailNameList { get; set; }

    [JsonPropertyName("includeShadowTrails")]
    public bool? IncludeShadowTrails { get; set; }
}

public sealed class DescribeTrailsResponse : AwsResponse
{
    [JsonPropertyName("trailList")]
    public List<Trail> TrailList { get; set; } = new();
}

public sealed class Trail
{
    public string? Name { get; set; }

    public string? TrailARN { get; set; }

    public string? HomeRegion { get; set; }

    public bool? IsMultiRegionTrail { get; set; }

    public bool? IsOrganizationTrail { get; set; }

    public bool? LogFileValidationEnabled { get; set; }

    public bool? IncludeGlobalServiceEvents { get; set; }

    public bool? HasCustomEventSelectors { get; set; }

    public string? S3BucketName { get; set; }

    public string? KmsKeyId { get; set; }
}

public sealed class GetTrailStatusRequest
{
    /// <summary>The trail's name, or its ARN for a trail of another region.</summary>
    public string? Name { get; set; }
}

public sealed class GetTrailStatusResponse : AwsResponse
{
    public bool? IsLogging { get; set; }
}

public sealed class GetEventSelectorsRequest
{
    public string? TrailName { get; set; }
}

public sealed class GetEventSelectorsResponse : AwsResponse
{
    public string? TrailARN { get; set; }

    public List<EventSelector> EventSelectors { get; set; } = new();

    public List<AdvancedEventSelector> AdvancedEventSelectors { get; set; } = new();
}

public sealed class EventSelector
{
    /// <summary>ReadOnly, WriteOnly or All.</summary>
    public string? ReadWriteType { get; set; }

    public bool? IncludeManagementEvents { get; set; }

    public List<string> ExcludeManagementEventSources { get; set; } = new();
}

public sealed class AdvancedEventSelector
{
    public string? Name { get; set; }

    public List<AdvancedFieldSelector> FieldSelectors { get; set; } = new();
}

public sealed class AdvancedFieldSelector
{
    /// <summary>eventCategory, readOnly, eventSource, resources.type, ...</summary>
    public string? Field { get; set; }

    /// <summary>The Equals operator (named so it does not hide object.Equals).</summary>
    [JsonPropertyName("Equals")]
    public List<string> EqualTo { get; set; } = new();

    public List<string> NotEquals { get; set; } = new();

    public List<string> StartsWith { get; set; } = new();

    public List<string> NotStartsWith { get; set; } = new();

    public List<string> EndsWith { get; set; } = new();

    public List<string> NotEndsWith { get; set; } = new();
}
