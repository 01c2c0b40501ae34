using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.CloudFormation.Model;

// ListStackResources, named as in AWSSDK.CloudFormation.

public sealed class ListStackResourcesRequest
{
    public string? StackName { get; set; }

    public string? NextToken { get; set; }
}

public sealed class ListStackResourcesResponse : AwsResponse
{
    public List<StackResourceSummary> StackResourceSummaries { get; set; } = new();

    public string? NextToken { get; set; }
}

public sealed class StackResourceSummary
{
    public string? LogicalResourceId { get; set; }

    public string? PhysicalResourceId { get; set; }

    /// <summary>AWS::Lambda::Function, AWS::SQS::Queue, ...</summary>
    public string? ResourceType { get; set; }

    public string? ResourceStatus { get; set; }
}
