using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Json;
using WAOps.Aws.Services.CloudWatch.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.CloudWatch;

/// <summary>Amazon CloudWatch over awsJson1_0 (the protocol the AWS CLI uses for it today).</summary>
public sealed class CloudWatchClient : AwsJsonClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "CloudWatch",
        EndpointPrefix = "monitoring",
        ApiVersion = "2010-08-01",
        Protocol = AwsProtocol.AwsJson1_0,
        TargetPrefix = "GraniteServiceVersion20100801",
        AwsQueryCompatible = true,
        EndpointEnvironmentSuffix = "CLOUDWATCH",
    };

    /// <summary>GetMetricData takes at most 500 queries per call.</summary>
    public const int MaxMetricDataQueries = 500;

    /// <summary>GetMetricData returns at most 100,800 datapoints per call (more come with NextToken).</summary>
    public const int MaxMetricDatapoints = 100_800;

    public CloudWatchClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<PutDashboardResponse> PutDashboardAsync(PutDashboardRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<PutDashboardRequest, PutDashboardResponse>("PutDashboard", request, cancellationToken);

    public Task<GetDashboardResponse> GetDashboardAsync(GetDashboardRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<GetDashboardRequest, GetDashboardResponse>("GetDashboard", request, cancellationToken);

    public Task<ListDashboardsResponse> ListDashboardsAsync(ListDashboardsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ListDashboardsRequest, ListDashboardsResponse>("ListDashboards", request, cancellationToken);

    public Task<DeleteDashboardsResponse> DeleteDashboardsAsync(DeleteDashboardsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DeleteDashboardsRequest, DeleteDashboardsResponse>("DeleteDashboards", request, cancellationToken);

    /// <summary>The largest page DescribeAlarms allows, and the most names one call takes.</summary>
    public const int MaxAlarmsPerPage = 100;

    public Task<PutMetricAlarmResponse> PutMetricAlarmAsync(PutMetricAlarmRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<PutMetricAlarmRequest, PutMetricAlarmResponse>("PutMetricAlarm", request, cancellationToken);

    public Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeAlarmsRequest, DescribeAlarmsResponse>("DescribeAlarms", request, cancellationToken);

    public Task<DeleteAlarmsResponse> DeleteAlarmsAsync(DeleteAlarmsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DeleteAlarmsRequest, DeleteAlarmsResponse>("DeleteAlarms", request, cancellationToken);

    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<TagResourceRequest, TagResourceResponse>("TagResource", request, cancellationToken);

    public Task<ListMetricsResponse> ListMetricsAsync(ListMetricsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ListMetricsRequest, ListMetricsResponse>("ListMetrics", request, cancellationToken);

    /// <summary>Every metric alarm whose name starts with the prefix, 100 per page, streamed.</summary>
    public IAsyncEnumerable<MetricAlarm> DescribeAllAlarmsAsync(string namePrefix, CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (token, ct) => DescribeAlarmsAsync(new DescribeAlarmsRequest
            {
                AlarmNamePrefix = namePrefix,
                AlarmTypes = new() { "MetricAlarm" },
                MaxRecords = MaxAlarmsPerPage,
                NextToken = token,
            }, ct),
            page => page.NextToken,
            page => page.MetricAlarms,
            cancellationToken);

    /// <summary>Every metric of a namespace and name (ListMetrics pages hold 500), streamed.</summary>
    public IAsyncEnumerable<Metric> ListAllMetricsAsync(string ns, string? metricName, CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (token, ct) => ListMetricsAsync(new ListMetricsRequest { Namespace = ns, MetricName = metricName, NextToken = token }, ct),
            page => page.NextToken,
            page => page.Metrics,
            cancellationToken);

    public Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<GetMetricDataRequest, GetMetricDataResponse>("GetMetricData", request, cancellationToken);

    /// <summary>Every dashboard (optionally by name prefix), page by page as they arrive.</summary>
    public IAsyncEnumerable<DashboardEntry> ListAllDashboardsAsync(string? namePrefix, CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (token, ct) => ListDashboardsAsync(new ListDashboardsRequest { DashboardNamePrefix = namePrefix, NextToken = token }, ct),
            page => page.NextToken,
            page => page.DashboardEntries,
            cancellationToken);
}
