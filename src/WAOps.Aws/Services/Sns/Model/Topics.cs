using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.Sns.Model;

// Topic operations, named as in AWSSDK.SimpleNotificationService.

public sealed class ListTopicsRequest
{
    public string? NextToken { get; set; }
}

public sealed class ListTopicsResponse : AwsResponse
{
    public List<Topic> Topics { get; set; } = new();

    public string? NextToken { get; set; }
}

public sealed class Topic
{
    public string? TopicArn { get; set; }
}

public sealed class GetTopicAttributesRequest
{
    public string? TopicArn { get; set; }
}

public sealed class GetTopicAttributesResponse : AwsResponse
{
    /// <summary>Policy, KmsMasterKeyId, Owner, DisplayName, ... as the service names them.</summary>
    public Dictionary<string, string> Attributes { get; set; } = new(StringComparer.Ordinal);
}

public sealed class SetTopicAttributesRequest
{
    public string? TopicArn { get; set; }

    public string? AttributeName { get; set; }

    public string? AttributeValue { get; set; }
}

public sealed class SetTopicAttributesResponse : AwsResponse
{
}

public sealed class PublishRequest
{
    public string? TopicArn { get; set; }

    public string? Message { get; set; }

    public string? Subject { get; set; }
}

public sealed class PublishResponse : AwsResponse
{
    public string? MessageId { get; set; }
}
