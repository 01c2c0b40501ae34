using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.CloudWatch.Model;

// Metric alarm operations (PutMetricAlarm, DescribeAlarms, DeleteAlarms, TagResource), named as in AWSSDK.CloudWatch.

public sealed class Dimension
{
    public string? Name { get; set; }

    public string? Value { get; set; }
}

public sealed class Tag
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}

public sealed class PutMetricAlarmRequest
{
    public string? AlarmName { get; set; }

    public string? AlarmDescription { get; set; }

    public bool? ActionsEnabled { get; set; }

    public List<string>? OKActions { get; set; }

    public List<string>? AlarmActions { get; set; }

    public List<string>? InsufficientDataActions { get; set; }

    public string? MetricName { get; set; }

    public string? Namespace { get; set; }

    public string? Statistic { get; set; }

    public string? ExtendedStatistic { get; set; }

    public List<Dimension>? Dimensions { get; set; }

    public int? Period { get; set; }

    public int? EvaluationPeriods { get; set; }

    public int? DatapointsToAlarm { get; set; }

    public double? Threshold { get; set; }

    public string? ComparisonOperator { get; set; }

    public string? TreatMissingData { get; set; }

    /// <summary>Applied when the alarm is created; ignored on update (use TagResource).</summary>
    public List<Tag>? Tags { get; set; }
}

public sealed class PutMetricAlarmResponse : AwsResponse
{
}

public sealed class DescribeAlarmsRequest
{
    public List<string>? AlarmNames { get; set; }

    public string? AlarmNamePrefix { get; set; }

    /// <summary>MetricAlarm and/or CompositeAlarm; without it only metric alarms are returned.</summary>
    public List<string>? AlarmTypes { get; set; }

    public int? MaxRecords { get; set; }

    public string? NextToken { get; set; }
}

public sealed class DescribeAlarmsResponse : AwsResponse
{
    public List<MetricAlarm> MetricAlarms { get; set; } = new();

    public string? NextToken { get; set; }
}

public sealed class MetricAlarm
{
    public string? AlarmName { get; set; }

    public string? AlarmArn { get; set; }

    public string? AlarmDescription { get; set; }

    public bool? ActionsEnabled { get; set; }

    public List<string> OKActions { get; set; } = new();

    public List<string> AlarmActions { get; set; } = new();

    public List<string> InsufficientDataActions { get; set; } = new();

    public string? StateValue { get; set; }

    public string? MetricName { get; set; }

    public string? Namespace { get; set; }

    public string? Statistic { get; set; }

    public string? ExtendedStatistic { get; set; }

    public List<Dimension> Dimensions { get; set; } = new();

    public int? Period { get; set; }

    public int? EvaluationPeriods { get; set; }

    public int? DatapointsToAlarm { get; set; }

    public double? Threshold { get; set; }

    public string? ComparisonOperator { get; set; }

    public string? TreatMissingData { get; set; }
}

public sealed class DeleteAlarmsRequest
{
    /// <summary>At most 100 names per call.</summary>
    public List<string>? AlarmNames { get; set; }
}

public sealed class DeleteAlarmsResponse : AwsResponse
{
}

public sealed class TagResourceRequest
{
    public string? ResourceARN { get; set; }

    public List<Tag>? Tags { get; set; }
}

public sealed class TagResourceResponse : AwsResponse
{
}
