using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.AutoScaling.Model;

// DescribeAutoScalingGroups, named as in AWSSDK.AutoScaling.

public sealed class DescribeAutoScalingGroupsRequest
{
    public List<string>? AutoScalingGroupNames { get; set; }

    /// <summary>tag:&lt;key&gt; (values), tag-key, tag-value.</summary>
    public List<Filter>? Filters { get; set; }

    public int? MaxRecords { get; set; }

    public string? NextToken { get; set; }
}

public sealed class Filter
{
    public string? Name { get; set; }

    public List<string>? Values { get; set; }
}

public sealed class DescribeAutoScalingGroupsResponse : AwsResponse
{
    public List<AutoScalingGroup> AutoScalingGroups { get; set; } = new();

    public string? NextToken { get; set; }
}

public sealed class AutoScalingGroup
{
    public string? AutoScalingGroupName { get; set; }

    public string? AutoScalingGroupARN { get; set; }

    public int? DesiredCapacity { get; set; }

    public List<TagDescription> Tags { get; set; } = new();
}

public sealed class TagDescription
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}
