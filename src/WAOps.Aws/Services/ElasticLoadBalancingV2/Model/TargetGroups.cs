using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.ElasticLoadBalancingV2.Model;

// DescribeTargetGroups, named as in AWSSDK.ElasticLoadBalancingV2.

public sealed class DescribeTargetGroupsRequest
{
    public string? LoadBalancerArn { get; set; }

    public List<string>? TargetGroupArns { get; set; }

    public List<string>? Names { get; set; }

    public string? Marker { get; set; }

    /// <summary>1 to 400.</summary>
    public int? PageSize { get; set; }
}

public sealed class DescribeTargetGroupsResponse : AwsResponse
{
    public List<TargetGroup> TargetGroups { get; set; } = new();

    public string? NextMarker { get; set; }
}

public sealed class TargetGroup
{
    public string? TargetGroupArn { get; set; }

    public string? TargetGroupName { get; set; }

    public string? Protocol { get; set; }

    public int? Port { get; set; }

    public string? VpcId { get; set; }

    /// <summary>instance, ip, lambda or alb.</summary>
    public string? TargetType { get; set; }

    public List<string> LoadBalancerArns { get; set; } = new();
}
