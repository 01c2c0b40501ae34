using WAOps.Engine.Alarms;
using WAOps.Engine.Budgets;
using WAOps.Engine.Dashboards;
using WAOps.Engine.Monitoring;
using WAOps.Engine.Planning;

namespace WAOps.Engine.Runs;

/// <summary>
/// New-WADashboard's run: find the workload (tags, stack or ARNs), describe its resources, plan and (with
/// -IncludeAlarms) make the alarms AWS recommends for them, compose the dashboards with the alarms' status, plan them
/// against CloudWatch (and -OutFile files) and make the differences. One result per change; a re-run changes nothing.
/// </summary>
public sealed class DashboardRun
{
    /// <summary>Alarm writes that run at once; the alarm store paces them to CloudWatch's write rate.</summary>
    public const int AlarmWriteConcurrency = 4;

    private readonly IWorkloadSource _workload;
    private readonly IAlarmStore _alarms;
    private readonly IDashboardStore _dashboards;
    private readonly ITopicPolicySource _topics;

    public DashboardRun(IWorkloadSource workload, IAlarmStore alarms, IDashboardStore dashboards, ITopicPolicySource topics)
    {
        _workload = workload;
        _alarms = alarms;
        _dashboards = dashboards;
        _topics = topics;
    }

    public async Task ExecuteAsync(DashboardOptions options, IRunHost host, CancellationToken cancellationToken)
    {
        foreach (var warning in options.Warnings)
        {
            host.Warning(warning);
        }

        // 1. Discovery: which resources make up the workload.
        host.Progress(new RunProgress("Finding the workload's resources"));
        var discovered = options.Scope switch
        {
            DashboardScope.Tags => await _workload.FindByTagsAsync(options.TagFilters, f => host.Error(f.Error, f.Where), cancellationToken).ConfigureAwait(false),
            DashboardScope.Stack => await _workload.FindByStackAsync(options.Input.StackName!, cancellationToken).ConfigureAwait(false),
            _ => new WorkloadDiscoveryResult(options.Input.Resources, Array.Empty<string>()),
        };
        foreach (var note in discovered.Notes)
        {
            host.Verbose(note);
        }

        host.Verbose($"Found {discovered.Resources.Count} resource(s) by {options.Description}.");

        // 2. Describe each resource for the dashboard and the alarm catalog.
        host.Progress(new RunProgress($"Describing {discovered.Resources.Count} resource(s)"));
        var resolved = await _workload.DescribeAsync(discovered.Resources, cancellationToken).ConfigureAwait(false);
        foreach (var ignored in resolved.Ignored)
        {
            host.Verbose($"Left out {ignored.Arn}: {ignored.Reason}");
        }

        foreach (var warning in resolved.Warnings)
        {
            host.Warning(warning);
        }

        if (resolved.Resources.Count == 0)
        {
            host.Warning($"No resources to monitor were found by {options.Description} in {_workload.Region}"
                + (resolved.Ignored.Count > 0 ? $" ({resolved.Ignored.Count} found were left out; -Verbose says why)" : string.Empty)
                + ". No dashboard was created and no alarm was changed.");
            host.Progress(RunProgress.Done);
            return;
        }

        host.Verbose("Monitoring " + string.Join(", ", resolved.Resources.GroupBy(r => r.Kind)
            .Select(g => $"{g.Count()} {(g.Count() == 1 ? MonitoredKinds.Of(g.Key).Noun : MonitoredKinds.Of(g.Key).PluralNoun)}")) + ".");

        // 3. Alarms: what the catalog recommends for these resources, against what CloudWatch has.
        var input = options.Input;
        var workload = new WorkloadDescription(options.DashboardName, _workload.Region, input.Project, input.Environment, options.Description);
        var alarmArns = await AlarmsAsync(options, workload, resolved.Resources, host, cancellationToken).ConfigureAwait(false);

        // 4. Dashboards.
        host.Progress(new RunProgress("Planning the dashboard"));
        var dashboards = DashboardComposer.Compose(workload, resolved.Resources, alarmArns);
        host.Verbose($"{dashboards.Count} dashboard(s): " + string.Join(", ", dashboards.Select(d => $"{d.Name} ({d.WidgetCount} widgets, {d.MetricCount} metrics)")) + ".");
        var executor = new PlanExecutor(host);
        if (input.OutFile is { } outFile)
        {
            var files = dashboards.Select(d => (Path: DashboardPlanner.PartPath(outFile, d.Part), Dashboard: d)).ToList();
            var current = await DashboardFileApplier.ReadAsync(files.Select(f => f.Path), cancellationToken).ConfigureAwait(false);
            await executor.ExecuteAsync(DashboardPlanner.PlanFiles(files, current), new DashboardFileApplier(), ExecutionOptions.Sequential with { ReportProgress = false },
                r => host.Emit(r.ToResult()), cancellationToken).ConfigureAwait(false);
        }

        await ApplyDashboardsAsync(workload, dashboards, input.Prune, executor, host, cancellationToken).ConfigureAwait(false);
        if (input.PassThru)
        {
            foreach (var dashboard in dashboards)
            {
                host.Emit(dashboard);
            }
        }

        host.Progress(RunProgress.Done);
    }

    /// <summary>Plans (and with -IncludeAlarms makes) the workload's alarms; returns the ARNs of its alarms by resource ARN, for the alarm status widgets.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> AlarmsAsync(DashboardOptions options, WorkloadDescription workload,
        IReadOnlyList<MonitoredResource> resources, IRunHost host, CancellationToken cancellationToken)
    {
        host.Progress(new RunProgress("Reading the workload's alarms"));
        var design = AlarmDesigner.Design(resources, workload.DashboardName, options.AlarmPrefix, options.Thresholds);
        foreach (var left in design.NotApplicable.GroupBy(n => (n.Alarm.Key, n.Reason)).OrderBy(g => g.Key.Key, StringComparer.Ordinal))
        {
            var first = left.First().Resource;
            var where = left.Count() == 1 ? first.Title : $"{left.Count()} {MonitoredKinds.Of(first.Kind).PluralNoun} (such as {first.Name})";
            host.Verbose($"Not applicable: {left.Key.Key} on {where}: {left.Key.Reason}");
        }

        var regions = resources.Select(r => r.Region).Append(_workload.Region);
        if (_workload.GlobalRegion is { } global)
        {
            regions = regions.Append(global);
        }

        var existing = await _alarms.ReadAsync(regions, AlarmNaming.WorkloadPrefix(options.AlarmPrefix, workload.DashboardName), cancellationToken).ConfigureAwait(false);
        var existingArns = existing.ToDictionary(a => (a.Region, a.Name), a => a.Arn);
        var byResource = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Show(MetricAlarmSpec alarm, string arn) =>
            (byResource.TryGetValue(alarm.ResourceArn, out var list) ? list : byResource[alarm.ResourceArn] = new List<string>()).Add(arn);

        if (!options.Input.IncludeAlarms)
        {
            foreach (var alarm in design.Alarms)
            {
                if (existingArns.TryGetValue((alarm.Region, alarm.Name), out var arn))
                {
                    Show(alarm, arn);
                }
            }

            host.Verbose($"Alarms: {byResource.Values.Sum(l => l.Count)} of the {design.Alarms.Count} recommended for these resources exist; -IncludeAlarms creates and corrects them.");
            return Sorted(byResource);
        }

        await CheckTopicsAsync(options.Topics, resources, host, cancellationToken).ConfigureAwait(false);
        var plan = AlarmPlanner.Plan(design.Alarms, existing, new AlarmPlanOptions
        {
            Workload = workload.DashboardName,
            Prefix = options.AlarmPrefix,
            TopicsByRegion = options.Topics,
            Tags = options.AlarmTags,
            Prune = options.Input.Prune,
        });
        ReportNeedsThreshold(plan, host);
        var writes = plan.Count(c => c.IsWrite);
        host.Verbose($"Alarms: {writes} to write, {plan.Count(c => c.Action == ChangeAction.None)} unchanged, "
            + $"{plan.Count(c => c.Action == ChangeAction.Skip)} skipped, out of {existing.Count} existing with the workload's prefix.");

        var account = plan.Any(c => c.Action == ChangeAction.Create) ? await _workload.AccountIdAsync(cancellationToken).ConfigureAwait(false) : null;
        host.Progress(new RunProgress($"Alarms: {writes} change(s)"));
        var execution = await new PlanExecutor(host).ExecuteAsync(plan, _alarms, new ExecutionOptions { MaxConcurrency = AlarmWriteConcurrency, ProgressLabel = "Alarms" },
            r => host.Emit(r.ToResult()), cancellationToken).ConfigureAwait(false);
        var outcomes = execution.Results.ToDictionary(r => r.Change, r => r.Outcome);
        foreach (var change in plan)
        {
            if (change.Operation is not PutAlarmOperation { Alarm: var alarm } || change.Action is not (ChangeAction.Create or ChangeAction.Update or ChangeAction.None))
            {
                continue;
            }

            // Shown on the dashboard: alarms that exist after this run (and, under -WhatIf, those it would create).
            var applied = outcomes.TryGetValue(change, out var outcome);
            if (existingArns.TryGetValue((alarm.Region, alarm.Name), out var arn))
            {
                Show(alarm, arn);
            }
            else if (change.Action == ChangeAction.Create && (!applied || outcome == ChangeOutcome.Created))
            {
                Show(alarm, $"arn:{_workload.Partition}:cloudwatch:{alarm.Region}:{account}:alarm:{alarm.Name}");
            }
        }

        return Sorted(byResource);
    }

    private async Task CheckTopicsAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> topics, IReadOnlyList<MonitoredResource> resources, IRunHost host,
        CancellationToken cancellationToken)
    {
        if (topics.Count == 0)
        {
            return;
        }

        foreach (var arn in topics.Values.SelectMany(t => t))
        {
            SnsTopicArn.TryParse(arn, out var topic);
            var info = await _topics.ReadAsync(topic!, cancellationToken).ConfigureAwait(false);
            if (info.KmsMasterKeyId is { } key)
            {
                host.Warning($"Topic {arn} is encrypted with KMS key {key}: its key policy must let cloudwatch.amazonaws.com use it (kms:Decrypt, kms:GenerateDataKey*), "
                    + "or alarm notifications are dropped. The AWS managed key alias/aws/sns cannot be used for alarm notifications.");
            }
        }

        foreach (var region in resources.Select(r => r.Region).Distinct(StringComparer.Ordinal).Where(r => !topics.ContainsKey(r)))
        {
            host.Warning($"No -AlarmTopicArn topic is in {region}, so the alarms there keep the actions they have: an alarm can only notify a topic of its own region"
                + (region == _workload.GlobalRegion ? " (CloudFront's alarms live in us-east-1)." : "."));
        }
    }

    private static void ReportNeedsThreshold(IReadOnlyList<PlannedChange<AlarmOperation>> plan, IRunHost host)
    {
        var needs = plan.Where(c => c.Action == ChangeAction.Skip && c.Operation is PutAlarmOperation).Select(c => ((PutAlarmOperation)c.Operation!).Alarm)
            .GroupBy(a => a.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (needs.Count == 0)
        {
            return;
        }

        host.Warning($"{needs.Sum(g => g.Count())} recommended alarm(s) need a threshold that AWS leaves to you, and were not created: "
            + string.Join(", ", needs.Select(g => $"{g.Key} ({g.Count()})")) + ". "
            + "Give them with -AlarmThreshold @{ '" + needs[0].Key + "' = <value>; ... }; the results marked Skipped list each one.");
    }

    private async Task ApplyDashboardsAsync(WorkloadDescription workload, IReadOnlyList<DashboardDefinition> dashboards, bool prune, PlanExecutor executor, IRunHost host,
        CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var dashboard in dashboards)
        {
            current[dashboard.Name] = await _dashboards.GetBodyAsync(dashboard.Name, cancellationToken).ConfigureAwait(false);
        }

        var others = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in await _dashboards.ListPartNamesAsync(workload.DashboardName, cancellationToken).ConfigureAwait(false))
        {
            if (!current.ContainsKey(name))
            {
                others[name] = await _dashboards.GetBodyAsync(name, cancellationToken).ConfigureAwait(false);
            }
        }

        var plan = DashboardPlanner.Plan(dashboards, current, others, workload.Marker, prune);
        host.Progress(new RunProgress($"Dashboards: {plan.Count(c => c.IsWrite)} change(s)"));
        await executor.ExecuteAsync(plan, _dashboards, ExecutionOptions.Sequential with { ReportProgress = false }, r =>
        {
            if (r.Note is { } warnings && r.Outcome != ChangeOutcome.Failed && r.Outcome != ChangeOutcome.Skipped)
            {
                host.Warning($"CloudWatch accepted dashboard {r.Change.Target} with a warning: {warnings}");
            }

            host.Emit(r.ToResult());
        }, cancellationToken).ConfigureAwait(false);
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Sorted(Dictionary<string, List<string>> byResource) =>
        byResource.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Distinct(StringComparer.Ordinal).OrderBy(a => a, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
}
