using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.CloudWatch.Model;

// Dashboard operations (PutDashboard, GetDashboard, ListDashboards, DeleteDashboards), named as in AWSSDK.CloudWatch.

public sealed class PutDashboardRequest
{
    public string? DashboardName { get; set; }

    public string? DashboardBody { get; set; }
}

public sealed class PutDashboardResponse : AwsResponse
{
    public List<DashboardValidationMessage> DashboardValidationMessages { get; set; } = new();
}

public sealed class DashboardValidationMessage
{
    public string? DataPath { get; set; }

    public string? Message { get; set; }
}

public sealed class GetDashboardRequest
{
    public string? DashboardName { get; set; }
}

public sealed class GetDashboardResponse : AwsResponse
{
    public string? DashboardArn { get; set; }

    public string? DashboardBody { get; set; }

    public string? DashboardName { get; set; }
}

public sealed class ListDashboardsRequest
{
    public string? DashboardNamePrefix { get; set; }

    public string? NextToken { get; set; }
}

public sealed class ListDashboardsResponse : AwsResponse
{
    public List<DashboardEntry> DashboardEntries { get; set; } = new();

    public string? NextToken { get; set; }
}

public sealed class DashboardEntry
{
    public string? DashboardName { get; set; }

    public string? DashboardArn { get; set; }

    public DateTime? LastModified { get; set; }

    public long? Size { get; set; }
}

public sealed class DeleteDashboardsRequest
{
    public List<string>? DashboardNames { get; set; }
}

public sealed class DeleteDashboardsResponse : AwsResponse
{
}
