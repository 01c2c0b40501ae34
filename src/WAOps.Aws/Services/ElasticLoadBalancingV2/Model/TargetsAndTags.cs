using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.ElasticLoadBalancingV2.Model;

// DescribeTags, AddTags, RemoveTags, DescribeTargetHealth and DeleteLoadBalancer, named as in
// AWSSDK.ElasticLoadBalancingV2.

public sealed class DescribeTagsRequest
{
    /// <summary>1 to 20 ARNs.</summary>
    public List<string>? ResourceArns { get; set; }
}

public sealed class DescribeTagsResponse : AwsResponse
{
    public List<TagDescription> TagDescriptions { get; set; } = new();
}

public sealed class TagDescription
{
    public string? ResourceArn { get; set; }

    public List<Tag> Tags { get; set; } = new();
}

public sealed class Tag
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}

public sealed class AddTagsRequest
{
    public List<string>? ResourceArns { get; set; }

    public List<Tag>? Tags { get; set; }
}

public sealed class AddTagsResponse : AwsResponse
{
}

public sealed class RemoveTagsRequest
{
    public List<string>? ResourceArns { get; set; }

    public List<string>? TagKeys { get; set; }
}

public sealed class RemoveTagsResponse : AwsResponse
{
}

public sealed class DescribeTargetHealthRequest
{
    public string? TargetGroupArn { get; set; }
}

public sealed class DescribeTargetHealthResponse : AwsResponse
{
    public List<TargetHealthDescription> TargetHealthDescriptions { get; set; } = new();
}

public sealed class TargetHealthDescription
{
    public TargetDescription? Target { get; set; }

    public string? HealthCheckPort { get; set; }

    public TargetHealth? TargetHealth { get; set; }
}

public sealed class TargetDescription
{
    public string? Id { get; set; }

    public int? Port { get; set; }

    public string? AvailabilityZone { get; set; }
}

public sealed class TargetHealth
{
    /// <summary>initial, healthy, unhealthy, unhealthy.draining, unused, draining, unavailable.</summary>
    public string? State { get; set; }

    public string? Reason { get; set; }

    public string? Description { get; set; }
}

public sealed class DeleteLoadBalancerRequest
{
    public string? LoadBalancerArn { get; set; }
}

public sealed class DeleteLoadBalancerResponse : AwsResponse
{
}
