using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.Lambda.Model;

// ListFunctions, named as in AWSSDK.Lambda.

public sealed class ListFunctionsRequest
{
    public string? Marker { get; set; }

    public int? MaxItems { get; set; }
}

public sealed class ListFunctionsResponse : AwsResponse
{
    public string? NextMarker { get; set; }

    public List<FunctionConfiguration> Functions { get; set; } = new();
}

public sealed class FunctionConfiguration
{
    public string? FunctionName { get; set; }

    public string? FunctionArn { get; set; }

    public string? Runtime { get; set; }

    public int? MemorySize { get; set; }

    public string? LastModified { get; set; }

    public VpcConfigResponse? VpcConfig { get; set; }
}

public sealed class VpcConfigResponse
{
    public string? VpcId { get; set; }

    public List<string> SubnetIds { get; set; } = new();

    public List<string> SecurityGroupIds { get; set; } = new();
}
