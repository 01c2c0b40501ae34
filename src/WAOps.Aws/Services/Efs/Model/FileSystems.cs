using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.Efs.Model;

// DescribeFileSystems, named as in AWSSDK.ElasticFileSystem.

public sealed class DescribeFileSystemsRequest
{
    public string? Marker { get; set; }

    public int? MaxItems { get; set; }

    public string? FileSystemId { get; set; }
}

public sealed class DescribeFileSystemsResponse : AwsResponse
{
    public string? Marker { get; set; }

    public string? NextMarker { get; set; }

    public List<FileSystemDescription> FileSystems { get; set; } = new();
}

public sealed class FileSystemDescription
{
    public string? FileSystemId { get; set; }

    public string? FileSystemArn { get; set; }

    public string? OwnerId { get; set; }

    public string? Name { get; set; }

    public bool? Encrypted { get; set; }

    public string? KmsKeyId { get; set; }

    public string? AvailabilityZoneName { get; set; }

    public int? NumberOfMountTargets { get; set; }

    public string? LifeCycleState { get; set; }

    public DateTime? CreationTime { get; set; }

    public List<EfsTag> Tags { get; set; } = new();
}

public sealed class EfsTag
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}
