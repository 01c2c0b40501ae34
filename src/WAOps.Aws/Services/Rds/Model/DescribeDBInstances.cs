using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.Rds.Model;

// DescribeDBInstances, named as in AWSSDK.RDS.

public sealed class DescribeDBInstancesRequest
{
    public string? DBInstanceIdentifier { get; set; }

    [AwsListMember("Filter")]
    public List<Filter>? Filters { get; set; }

    public int? MaxRecords { get; set; }

    public string? Marker { get; set; }
}

public sealed class Filter
{
    public string? Name { get; set; }

    [AwsListMember("Value")]
    public List<string>? Values { get; set; }
}

public sealed class DescribeDBInstancesResponse : AwsResponse
{
    public string? Marker { get; set; }

    public List<DBInstance> DBInstances { get; set; } = new();
}
