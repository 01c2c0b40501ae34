using WAOps.Engine.Dashboards;
using WAOps.Engine.Planning;

namespace WAOps.Engine.Alarms;

/// <summary>
/// Compares the alarms a workload should have with the alarms DescribeAlarms found and plans the differences:
/// Create for a missing alarm, Update when any setting differs (metric, dimensions, statistic, period,
/// evaluation, threshold, comparison, missing data, description, or actions where -AlarmTopicArn manages them),
/// nothing when it is as wanted. An alarm whose threshold AWS leaves to the user and nobody gave keeps the
/// threshold of the existing alarm; without one it is reported as needing a threshold and not created (never a
/// guess). Alarms of the workload (named with its prefix and marked with it in the description) that are no
/// longer wanted, because their resource left the workload, are deleted with prune and reported otherwise.
/// Every wanted alarm gets a change, so a re-run of an applied plan reports only unchanged alarms.
/// </summary>
public static class AlarmPlanner
{
    public const string AlarmKind = "Alarm";
    public const string AsWantedReason = "As wanted.";
    public const string ExtraReason = "Its resource is no longer in the workload; -Prune deletes it.";
    public const string PrunedReason = "Its resource is no longer in the workload.";
    private const double Tolerance = 1e-9;

    public static IReadOnlyList<PlannedChange<AlarmOperation>> Plan(IReadOnlyList<MetricAlarmSpec> wanted, IReadOnlyList<ExistingAlarm> existing, AlarmPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(options);
        var byKey = existing
            .GroupBy(a => Key(a.Region, a.Name), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changes = new List<PlannedChange<AlarmOperation>>();
        var wantedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alarm in wanted.OrderBy(a => a.Region, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal))
        {
            wantedKeys.Add(Key(alarm.Region, alarm.Name));
            byKey.TryGetValue(Key(alarm.Region, alarm.Name), out var current);
            changes.Add(PlanOne(alarm, current, options));
        }

        var workloadPrefix = AlarmNaming.WorkloadPrefix(options.Prefix, options.Workload);
        var marker = WorkloadDescription.MarkerFor(options.Workload);
        foreach (var extra in existing
            .Where(a => !wantedKeys.Contains(Key(a.Region, a.Name)) && IsWorkloadAlarm(a, workloadPrefix, marker))
            .OrderBy(a => a.Region, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal))
        {
            changes.Add(options.Prune
                ? new PlannedChange<AlarmOperation>(extra.Name, AlarmKind, ChangeAction.Delete, PrunedReason, extra.Condition, null, new DeleteAlarmOperation(extra.Region, extra.Name, extra.Arn))
                : new PlannedChange<AlarmOperation>(extra.Name, AlarmKind, ChangeAction.Skip, ExtraReason, extra.Condition, operation: new DeleteAlarmOperation(extra.Region, extra.Name, extra.Arn)));
        }

        return changes;
    }

    /// <summary>An alarm this workload made: named with the workload's prefix and marked with the workload in its description.</summary>
    public static bool IsWorkloadAlarm(ExistingAlarm alarm, string workloadPrefix, string marker) =>
        alarm.Name.StartsWith(workloadPrefix, StringComparison.Ordinal)
        && alarm.Description?.Contains(marker, StringComparison.Ordinal) == true;

    /// <summary>The text of a needs-threshold item, with the -AlarmThreshold entry that resolves it.</summary>
    public static string NeedsThresholdReason(MetricAlarmSpec alarm) =>
        $"Needs a threshold: AWS leaves it to you for {alarm.Key}; WAOps does not guess one. "
        + $"Give -AlarmThreshold @{{ '{alarm.Key}' = <value> }} ({alarm.MetricName} {alarm.Statistic} {AlarmText.Operator(alarm.ComparisonOperator)} value).";

    private static PlannedChange<AlarmOperation> PlanOne(MetricAlarmSpec alarm, ExistingAlarm? current, AlarmPlanOptions options)
    {
        var resolved = alarm;
        if (alarm.Threshold is null)
        {
            if (current?.Threshold is not { } kept)
            {
                // Not sent: the operation says which alarm needs a threshold.
                return new PlannedChange<AlarmOperation>(alarm.Name, AlarmKind, ChangeAction.Skip, NeedsThresholdReason(alarm), current?.Condition, alarm.Condition,
                    new PutAlarmOperation(alarm, Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), options.Tags, current is null, current?.Arn));
            }

            resolved = alarm with { Threshold = kept, ThresholdSource = ThresholdSource.Kept };
        }

        var managed = options.TopicsByRegion.TryGetValue(alarm.Region, out var topics);
        var alarmActions = managed ? Sorted(topics!) : current?.AlarmActions ?? Array.Empty<string>();
        var okActions = managed ? Sorted(topics!) : current?.OKActions ?? Array.Empty<string>();
        var insufficient = current?.InsufficientDataActions ?? Array.Empty<string>();
        var operation = new PutAlarmOperation(resolved, alarmActions, okActions, insufficient, options.Tags, current is null, current?.Arn);
        if (current is null)
        {
            return new PlannedChange<AlarmOperation>(alarm.Name, AlarmKind, ChangeAction.Create, CreateReason(resolved), null, resolved.Condition, operation);
        }

        var differences = Differences(resolved, current, managed ? alarmActions : null);
        return differences.Count == 0
            ? new PlannedChange<AlarmOperation>(alarm.Name, AlarmKind, ChangeAction.None,
                resolved.ThresholdSource == ThresholdSource.Kept ? "As wanted (threshold kept: AWS leaves it to you)." : AsWantedReason, current.Condition, resolved.Condition, operation)
            : new PlannedChange<AlarmOperation>(alarm.Name, AlarmKind, ChangeAction.Update, $"Changed: {string.Join(", ", differences)}.", current.Condition, resolved.Condition, operation);
    }

    private static string CreateReason(MetricAlarmSpec alarm) => alarm.ThresholdSource switch
    {
        ThresholdSource.Parameter => "The alarm does not exist (threshold from -AlarmThreshold).",
        ThresholdSource.WAOpsDefault => "The alarm does not exist (WAOps default threshold).",
        _ => "The alarm does not exist (AWS recommended threshold).",
    };

    private static List<string> Differences(MetricAlarmSpec wanted, ExistingAlarm current, IReadOnlyList<string>? managedActions)
    {
        var differences = new List<string>();
        void Check(bool same, string what)
        {
            if (!same)
            {
                differences.Add(what);
            }
        }

        Check(current.Namespace == wanted.Namespace && current.MetricName == wanted.MetricName, "metric");
        Check(SameDimensions(current, wanted), "dimensions");
        Check(wanted.IsExtendedStatistic
            ? current.ExtendedStatistic == wanted.Statistic && current.Statistic is null
            : current.Statistic == wanted.Statistic && current.ExtendedStatistic is null, "statistic");
        Check(current.Period == wanted.Period, "period");
        Check(current.EvaluationPeriods == wanted.EvaluationPeriods, "evaluation periods");
        Check((current.DatapointsToAlarm ?? current.EvaluationPeriods) == wanted.DatapointsToAlarm, "datapoints to alarm");
        Check(current.Threshold is { } t && Math.Abs(t - wanted.Threshold!.Value) <= Tolerance * Math.Max(1, Math.Abs(t)), "threshold");
        Check(current.ComparisonOperator == wanted.ComparisonOperator, "comparison");
        Check((current.TreatMissingData ?? "missing") == wanted.TreatMissingData, "missing data treatment");
        Check(current.Description == wanted.Description, "description");
        Check(current.ActionsEnabled != false, "actions enabled");
        if (managedActions is not null)
        {
            Check(Sorted(current.AlarmActions).SequenceEqual(managedActions, StringComparer.Ordinal)
                && Sorted(current.OKActions).SequenceEqual(managedActions, StringComparer.Ordinal), "actions");
        }

        return differences;
    }

    private static bool SameDimensions(ExistingAlarm current, MetricAlarmSpec wanted) =>
        current.Dimensions.Count == wanted.Dimensions.Count
        && current.Dimensions.OrderBy(d => d.Name, StringComparer.Ordinal).SequenceEqual(wanted.Dimensions.OrderBy(d => d.Name, StringComparer.Ordinal));

    private static IReadOnlyList<string> Sorted(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToList();

    private static string Key(string region, string name) => region + "|" + name;
}
