using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.CloudWatch.Model;

// GetMetricData, named as in AWSSDK.CloudWatch. Timestamps travel as epoch seconds (awsJson1_0).

public sealed class GetMetricDataRequest
{
    /// <summary>1 to 500 queries (<see cref="CloudWatchClient.MaxMetricDataQueries"/>).</summary>
    public List<MetricDataQuery>? MetricDataQueries { get; set; }

    public DateTime? StartTime { get; set; }

    public DateTime? EndTime { get; set; }

    public string? NextToken { get; set; }

    /// <summary>TimestampDescending (AWS's default) or TimestampAscending.</summary>
    public string? ScanBy { get; set; }

    /// <summary>At most 100,800 datapoints per call (AWS's default and limit).</summary>
    public int? MaxDatapoints { get; set; }
}

public sealed class MetricDataQuery
{
    /// <summary>Unique in the call; starts with a lower-case letter, then letters, digits and underscores.</summary>
    public string? Id { get; set; }

    public MetricStat? MetricStat { get; set; }

    public string? Expression { get; set; }

    public string? Label { get; set; }

    public bool? ReturnData { get; set; }

    public int? Period { get; set; }

    public string? AccountId { get; set; }
}

public sealed class MetricStat
{
    public Metric? Metric { get; set; }

    public int? Period { get; set; }

    /// <summary>Average, Sum, Maximum, Minimum, SampleCount or a percentile such as p99.</summary>
    public string? Stat { get; set; }

    public string? Unit { get; set; }
}

// Metric and Dimension are shared with ListMetrics and alarms (Metrics.cs, Alarms.cs).

public sealed class GetMetricDataResponse : AwsResponse
{
    public List<MetricDataResult> MetricDataResults { get; set; } = new();

    public string? NextToken { get; set; }

    public List<MessageData> Messages { get; set; } = new();
}

public sealed class MetricDataResult
{
    public string? Id { get; set; }

    public string? Label { get; set; }

    public List<DateTime> Timestamps { get; set; } = new();

    public List<double> Values { get; set; } = new();

    /// <summary>Complete, InternalError, PartialData or Forbidden.</summary>
    public string? StatusCode { get; set; }

    public List<MessageData> Messages { get; set; } = new();
}

public sealed class MessageData
{
    public string? Code { get; set; }

    public string? Value { get; set; }
}
