using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.ElasticLoadBalancingV2.Model;

// DescribeTargetGroups, named as in AWSSDK.ElasticLoadBalancingV2.

public sealed class DescribeTargetGroupsRequest
{
    public string? LoadBalancerArn { get; set; }

    public List<string>? TargetGroupArns { get; set; }

    public string? Marker { get; set; }

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

    public string? TargetType { get; set; }

    public List<string> LoadBalancerArns { get; set; } = new();
}
