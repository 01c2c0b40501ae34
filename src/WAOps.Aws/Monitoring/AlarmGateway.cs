using System.Collections.Concurrent;
using WAOps.Aws.Protocol;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Services.CloudWatch.Model;
using WAOps.Aws.Session;
using WAOps.Engine.Alarms;
using WAOps.Engine.Monitoring;
using WAOps.Engine.Planning;

namespace WAOps.Aws.Monitoring;

/// <summary>
/// Reads a workload's alarms (DescribeAlarms by name prefix, 100 per page, in each region the workload's alarms
/// may be in) and applies the alarm planner's changes: PutMetricAlarm (with tags when the alarm is new), TagResource
/// after an update (PutMetricAlarm ignores tags on update), DeleteAlarms for pruned alarms. Writes are paced per
/// region at the rate given (CloudWatch's PutMetricAlarm quota is about 3 per second); throttling that happens
/// anyway is retried by the transport.
/// </summary>
public sealed class AlarmGateway : IAlarmStore
{
    /// <summary>PutMetricAlarm's default quota in AWS, calls per second per region.</summary>
    public const double DefaultWriteRate = 3;

    private readonly AwsSession _session;
    private readonly double _writeRate;
    private readonly ConcurrentDictionary<string, CloudWatchClient> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WriteRateLimiter> _limiters = new(StringComparer.Ordinal);

    public AlarmGateway(AwsSession session, double writeRate = DefaultWriteRate)
    {
        _session = session;
        _writeRate = writeRate;
    }

    /// <summary>Every metric alarm whose name starts with <paramref name="namePrefix"/>, in each of the regions.</summary>
    public async Task<IReadOnlyList<ExistingAlarm>> ReadAsync(IEnumerable<string> regions, string namePrefix, CancellationToken cancellationToken)
    {
        var alarms = new List<ExistingAlarm>();
        foreach (var region in regions.Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal))
        {
            await foreach (var alarm in Client(region).DescribeAllAlarmsAsync(namePrefix, cancellationToken).ConfigureAwait(false))
            {
                if (alarm.AlarmName is not null && alarm.AlarmArn is not null)
                {
                    alarms.Add(ToExisting(alarm, region));
                }
            }
        }

        return alarms;
    }

    /// <summary>Carries out one planned alarm change.</summary>
    public async Task<ApplyResult> ApplyAsync(PlannedChange<AlarmOperation> change, CancellationToken cancellationToken)
    {
        await (change.Operation switch
        {
            PutAlarmOperation put => PutAsync(put, cancellationToken),
            DeleteAlarmOperation delete => DeleteAsync(delete, cancellationToken),
            _ => throw new InvalidOperationException($"'{change}' carries no alarm operation to apply."),
        }).ConfigureAwait(false);
        return ApplyResult.Completed();
    }

    public static PutMetricAlarmRequest ToRequest(PutAlarmOperation put)
    {
        var alarm = put.Alarm;
        return new PutMetricAlarmRequest
        {
            AlarmName = alarm.Name,
            AlarmDescription = alarm.Description,
            ActionsEnabled = true,
            AlarmActions = put.AlarmActions.ToList(),
            OKActions = put.OKActions.ToList(),
            InsufficientDataActions = put.InsufficientDataActions.ToList(),
            Namespace = alarm.Namespace,
            MetricName = alarm.MetricName,
            Dimensions = alarm.Dimensions.Select(d => new Dimension { Name = d.Name, Value = d.Value }).ToList(),
            Statistic = alarm.IsExtendedStatistic ? null : alarm.Statistic,
            ExtendedStatistic = alarm.IsExtendedStatistic ? alarm.Statistic : null,
            Period = alarm.Period,
            EvaluationPeriods = alarm.EvaluationPeriods,
            DatapointsToAlarm = alarm.DatapointsToAlarm,
            Threshold = alarm.Threshold ?? throw new InvalidOperationException($"Alarm {alarm.Name} has no threshold to put."),
            ComparisonOperator = alarm.ComparisonOperator,
            TreatMissingData = alarm.TreatMissingData,
            Tags = put.IsCreate ? Tags(put) : null,
        };
    }

    public static ExistingAlarm ToExisting(MetricAlarm alarm, string region) => new()
    {
        Name = alarm.AlarmName!,
        Arn = alarm.AlarmArn!,
        Region = region,
        Namespace = alarm.Namespace,
        MetricName = alarm.MetricName,
        Dimensions = alarm.Dimensions.Where(d => d.Name is not null).Select(d => new MetricDimension(d.Name!, d.Value ?? string.Empty)).ToList(),
        Statistic = alarm.Statistic,
        ExtendedStatistic = alarm.ExtendedStatistic,
        Period = alarm.Period,
        EvaluationPeriods = alarm.EvaluationPeriods,
        DatapointsToAlarm = alarm.DatapointsToAlarm,
        Threshold = alarm.Threshold,
        ComparisonOperator = alarm.ComparisonOperator,
        TreatMissingData = alarm.TreatMissingData,
        Description = alarm.AlarmDescription,
        ActionsEnabled = alarm.ActionsEnabled,
        AlarmActions = alarm.AlarmActions,
        OKActions = alarm.OKActions,
        InsufficientDataActions = alarm.InsufficientDataActions,
        StateValue = alarm.StateValue,
    };

    private async Task PutAsync(PutAlarmOperation put, CancellationToken cancellationToken)
    {
        var client = Client(put.Region);
        await Limiter(put.Region).WaitAsync(cancellationToken).ConfigureAwait(false);
        await client.PutMetricAlarmAsync(ToRequest(put), cancellationToken).ConfigureAwait(false);
        if (!put.IsCreate && put.ExistingArn is not null && put.Tags.Count > 0)
        {
            await Limiter(put.Region).WaitAsync(cancellationToken).ConfigureAwait(false);
            await client.TagResourceAsync(new TagResourceRequest { ResourceARN = put.ExistingArn, Tags = Tags(put) }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteAsync(DeleteAlarmOperation delete, CancellationToken cancellationToken)
    {
        await Limiter(delete.Region).WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Client(delete.Region).DeleteAlarmsAsync(new DeleteAlarmsRequest { AlarmNames = new() { delete.Name } }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.IsNotFound)
        {
            // Already gone: that is what was wanted.
        }
    }

    private static List<Tag> Tags(PutAlarmOperation put) => put.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList();

    private CloudWatchClient Client(string region) => _clients.GetOrAdd(region, r => new CloudWatchClient(_session.WithRegion(r)));

    private WriteRateLimiter Limiter(string region) => _limiters.GetOrAdd(region, _ => new WriteRateLimiter(_writeRate));
}
