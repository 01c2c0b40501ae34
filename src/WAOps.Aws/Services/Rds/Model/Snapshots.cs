using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.Rds.Model;

// CreateDBSnapshot, DescribeDBSnapshots, StopDBInstance, DeleteDBInstance, AddTagsToResource and
// RemoveTagsFromResource, named as in AWSSDK.RDS.

public sealed class CreateDBSnapshotRequest
{
    public string? DBSnapshotIdentifier { get; set; }

    public string? DBInstanceIdentifier { get; set; }

    [AwsListMember("Tag")]
    public List<Tag>? Tags { get; set; }
}

public sealed class CreateDBSnapshotResponse : AwsResponse
{
    public DBSnapshot? DBSnapshot { get; set; }
}

public sealed class DBSnapshot
{
    public string? DBSnapshotIdentifier { get; set; }

    public string? DBInstanceIdentifier { get; set; }

    public string? DBSnapshotArn { get; set; }

    /// <summary>creating, available, failed, ...</summary>
    public string? Status { get; set; }

    public string? SnapshotType { get; set; }

    public DateTime? SnapshotCreateTime { get; set; }

    public int? AllocatedStorage { get; set; }

    public int? PercentProgress { get; set; }

    public List<Tag> TagList { get; set; } = new();
}

public sealed class DescribeDBSnapshotsRequest
{
    public string? DBInstanceIdentifier { get; set; }

    public string? DBSnapshotIdentifier { get; set; }

    public string? SnapshotType { get; set; }

    [AwsListMember("Filter")]
    public List<Filter>? Filters { get; set; }

    public int? MaxRecords { get; set; }

    public string? Marker { get; set; }
}

public sealed class DescribeDBSnapshotsResponse : AwsResponse
{
    public string? Marker { get; set; }

    public List<DBSnapshot> DBSnapshots { get; set; } = new();
}

public sealed class StopDBInstanceRequest
{
    public string? DBInstanceIdentifier { get; set; }

    public string? DBSnapshotIdentifier { get; set; }
}

public sealed class StopDBInstanceResponse : AwsResponse
{
    public DBInstance? DBInstance { get; set; }
}

public sealed class DeleteDBInstanceRequest
{
    public string? DBInstanceIdentifier { get; set; }

    public bool? SkipFinalSnapshot { get; set; }

    public string? FinalDBSnapshotIdentifier { get; set; }

    public bool? DeleteAutomatedBackups { get; set; }
}

public sealed class DeleteDBInstanceResponse : AwsResponse
{
    public DBInstance? DBInstance { get; set; }
}

public sealed class AddTagsToResourceRequest
{
    public string? ResourceName { get; set; }

    [AwsListMember("Tag")]
    public List<Tag>? Tags { get; set; }
}

public sealed class AddTagsToResourceResponse : AwsResponse
{
}

public sealed class RemoveTagsFromResourceRequest
{
    public string? ResourceName { get; set; }

    public List<string>? TagKeys { get; set; }
}

public sealed class RemoveTagsFromResourceResponse : AwsResponse
{
}
