using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.Efs.Model;

// DescribeMountTargets, named as in AWSSDK.ElasticFileSystem.

public sealed class DescribeMountTargetsRequest
{
    public string? FileSystemId { get; set; }

    public string? Marker { get; set; }

    public int? MaxItems { get; set; }
}

public sealed class DescribeMountTargetsResponse : AwsResponse
{
    public string? Marker { get; set; }

    public string? NextMarker { get; set; }

    public List<MountTargetDescription> MountTargets { get; set; } = new();
}

public sealed class MountTargetDescription
{
    public string? MountTargetId { get; set; }

    public string? FileSystemId { get; set; }

    public string? SubnetId { get; set; }

    public string? VpcId { get; set; }

    public string? AvailabilityZoneName { get; set; }

    public string? LifeCycleState { get; set; }
}
