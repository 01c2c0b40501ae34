using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.ElasticLoadBalancingV2.Model;

// DescribeLoadBalancers, named as in AWSSDK.ElasticLoadBalancingV2.

public sealed class DescribeLoadBalancersRequest
{
    public List<string>? LoadBalancerArns { get; set; }

    public List<string>? Names { get; set; }

    public string? Marker { get; set; }

    public int? PageSize { get; set; }
}

public sealed class DescribeLoadBalancersResponse : AwsResponse
{
    public List<LoadBalancer> LoadBalancers { get; set; } = new();

    public string? NextMarker { get; set; }
}

public sealed class LoadBalancer
{
    public string? LoadBalancerArn { get; set; }

    public string? LoadBalancerName { get; set; }

    public string? DNSName { get; set; }

    public DateTime? CreatedTime { get; set; }

    /// <summary>internet-facing or internal.</summary>
    public string? Scheme { get; set; }

    public string? VpcId { get; set; }

    /// <summary>application, network or gateway.</summary>
    public string? Type { get; set; }

    public LoadBalancerState? State { get; set; }

    public List<AvailabilityZone> AvailabilityZones { get; set; } = new();

    public List<string> SecurityGroups { get; set; } = new();
}

public sealed class LoadBalancerState
{
    public string? Code { get; set; }
}

public sealed class AvailabilityZone
{
    public string? ZoneName { get; set; }

    public string? SubnetId { get; set; }
}
