using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.CloudWatch.Model;

// ListMetrics, named as in AWSSDK.CloudWatch.

public sealed class ListMetricsRequest
{
    public string? Namespace { get; set; }

    public string? MetricName { get; set; }

    public List<DimensionFilter>? Dimensions { get; set; }

    public string? NextToken { get; set; }
}

public sealed class DimensionFilter
{
    public string? Name { get; set; }

    public string? Value { get; set; }
}

public sealed class ListMetricsResponse : AwsResponse
{
    public List<Metric> Metrics { get; set; } = new();

    public string? NextToken { get; set; }
}

public sealed class Metric
{
    public string? Namespace { get; set; }

    public string? MetricName { get; set; }

    public List<Dimension> Dimensions { get; set; } = new();
}
