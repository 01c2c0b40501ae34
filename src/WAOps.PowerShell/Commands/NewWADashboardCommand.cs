using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Management.Automation;
using WAOps.Aws.Inventory;
using WAOps.Aws.Monitoring;
using WAOps.Aws.Services.Sns;
using WAOps.Aws.Services.Sts;
using WAOps.Aws.Session;
using WAOps.Engine.Alarms;
using WAOps.Engine.Budgets;
using WAOps.Engine.Dashboards;
using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;
using WAOps.Engine.Monitoring;
using WAOps.Engine.Planning;
using WAOps.PowerShell.Infrastructure;

namespace WAOps.PowerShell.Commands;

/// <summary>
/// Builds the CloudWatch dashboard of a workload found by tags, by CloudFormation stack or by ARNs from the
/// pipeline, and with -IncludeAlarms the alarms AWS recommends for its resources. Plans against what CloudWatch
/// has and applies the differences, one ShouldProcess and one result per change, so a re-run changes nothing.
/// </summary>
[Cmdlet(VerbsCommon.New, "WADashboard", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType("WAOps.ChangeResult", "WAOps.DashboardDefinition")]
public sealed class NewWADashboardCommand : WAOpsAwsCmdlet
{
    private const int ProgressId = 51;
    private const int MaxTagFilterKeys = 50;
    private const int MaxTagFilterValues = 20;
    private const int AlarmWriteConcurrency = 4;

    private readonly List<ResourceReference> _piped = new();
    private string? _sessionRegion;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Project { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Environment { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Hashtable? TagFilter { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StackName { get; set; }

    [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Arn")]
    [ValidateNotNullOrEmpty]
    public string[]? ResourceArn { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("RegionToCall")]
    [RegionTransformation]
    [ArgumentCompleter(typeof(RegionArgumentCompleter))]
    public string? Region { get; set; }

    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? DashboardName { get; set; }

    [Parameter]
    public SwitchParameter IncludeAlarms { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Hashtable? AlarmThreshold { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? AlarmTopicArn { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Hashtable? AlarmTag { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string AlarmPrefix { get; set; } = AlarmNaming.DefaultPrefix;

    [Parameter]
    [ValidateRange(0.1, 1000)]
    public double AlarmWriteRate { get; set; } = AlarmGateway.DefaultWriteRate;

    [Parameter]
    public SwitchParameter Prune { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    protected override string? RequestedRegion => _sessionRegion;

    protected override void BeginProcessing()
    {
        // -Region on the command line picks the session's region; Region values piped in pick each resource's.
        _sessionRegion = string.IsNullOrWhiteSpace(Region) ? null : Region;
    }

    protected override void ProcessRecord()
    {
        if (ResourceArn is null)
        {
            return;
        }

        if (Project is not null || Environment is not null || TagFilter is not null || StackName is not null)
        {
            Terminate(ParameterErrorIds.ConflictingParameters, ErrorKind.InvalidArgument,
                "Resources are given by ARN, so -Project, -Environment, -TagFilter and -StackName (which find resources themselves) cannot be used with them. "
                + "Name the dashboard with -DashboardName. Nothing was written.", ResourceArn);
        }

        foreach (var arn in ResourceArn)
        {
            if (!ArnInput.TryParse(arn, out var parsed, out var problem))
            {
                Terminate(ParameterErrorIds.InvalidResourceArn, ErrorKind.InvalidArgument, $"'{arn}' is not an ARN: {problem}. Nothing was written.", arn);
            }

            var region = parsed.Region.Length > 0 ? parsed.Region : !string.IsNullOrWhiteSpace(Region) ? Region : _sessionRegion;
            _piped.Add(new ResourceReference(arn, region ?? string.Empty));
        }
    }

    protected override void EndProcessing()
    {
        var input = ValidateInput();
        var session = ResolveSession();
        var references = _piped.Select(r => r.Region.Length > 0 ? r : r with { Region = session.Region }).ToList();
        RunAsync(cancellationToken => RunAsync(session, input, references, cancellationToken));
    }

    private async Task RunAsync(AwsSession session, Input input, List<ResourceReference> piped, CancellationToken cancellationToken)
    {
        // 1. Discovery: which resources make up the workload.
        Progress("Finding the workload's resources");
        WorkloadDiscoveryResult discovered;
        if (input.Mode == DiscoveryMode.Tags)
        {
            discovered = await WorkloadDiscovery.FindByTagsAsync(session, input.TagFilters, failure => EmitError(failure.Error, $"{failure.Region} {failure.Listing}"), cancellationToken).ConfigureAwait(false);
        }
        else if (input.Mode == DiscoveryMode.Stack)
        {
            discovered = await WorkloadDiscovery.FindByStackAsync(session, input.StackName!, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            discovered = new WorkloadDiscoveryResult(piped, Array.Empty<string>());
        }

        foreach (var note in discovered.Notes)
        {
            EmitVerbose(note);
        }

        EmitVerbose($"Found {discovered.Resources.Count} resource(s) by {input.Scope}.");

        // 2. Describe each resource for the dashboard and the alarm catalog.
        Progress($"Describing {discovered.Resources.Count} resource(s)");
        var resolved = await MonitoredResourceResolver.ResolveAsync(session, discovered.Resources, cancellationToken).ConfigureAwait(false);
        foreach (var ignored in resolved.Ignored)
        {
            EmitVerbose($"Left out {ignored.Arn}: {ignored.Reason}");
        }

        foreach (var warning in resolved.Warnings)
        {
            EmitWarning(warning);
        }

        if (resolved.Resources.Count == 0)
        {
            EmitWarning($"No resources to monitor were found by {input.Scope} in {session.Region}"
                + (resolved.Ignored.Count > 0 ? $" ({resolved.Ignored.Count} found were left out; -Verbose says why)" : string.Empty)
                + ". No dashboard was created and no alarm was changed.");
            CompleteProgress();
            ReportCalls();
            return;
        }

        EmitVerbose("Monitoring " + string.Join(", ", resolved.Resources.GroupBy(r => r.Kind).Select(g => $"{g.Count()} {(g.Count() == 1 ? MonitoredKinds.Of(g.Key).Noun : MonitoredKinds.Of(g.Key).PluralNoun)}")) + ".");

        // 3. Alarms: what the catalog recommends for these resources, against what CloudWatch has.
        var workload = new WorkloadDescription(input.DashboardName, session.Region, Project, Environment, input.Scope);
        var alarmArns = await AlarmsAsync(session, input, workload, resolved.Resources, cancellationToken).ConfigureAwait(false);

        // 4. Dashboards.
        Progress("Planning the dashboard");
        var dashboards = DashboardComposer.Compose(workload, resolved.Resources, alarmArns);
        EmitVerbose($"{dashboards.Count} dashboard(s): " + string.Join(", ", dashboards.Select(d => $"{d.Name} ({d.WidgetCount} widgets, {d.MetricCount} metrics)")) + ".");
        if (input.OutFile is not null)
        {
            await WriteFilesAsync(input.OutFile, dashboards, cancellationToken).ConfigureAwait(false);
        }

        await ApplyDashboardsAsync(session, workload, dashboards, cancellationToken).ConfigureAwait(false);
        if (PassThru)
        {
            foreach (var dashboard in dashboards)
            {
                EmitObject(dashboard);
            }
        }

        CompleteProgress();
        ReportCalls();
    }

    /// <summary>Plans (and with -IncludeAlarms applies) the workload's alarms; returns the ARNs of its alarms by resource ARN, for the alarm status widgets.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> AlarmsAsync(
        AwsSession session, Input input, WorkloadDescription workload, IReadOnlyList<MonitoredResource> resources, CancellationToken cancellationToken)
    {
        Progress("Reading the workload's alarms");
        var design = AlarmDesigner.Design(resources, workload.DashboardName, input.AlarmPrefix, input.Thresholds);
        foreach (var left in design.NotApplicable.GroupBy(n => (n.Alarm.Key, n.Reason)).OrderBy(g => g.Key.Key, StringComparer.Ordinal))
        {
            var first = left.First().Resource;
            var where = left.Count() == 1 ? first.Title : $"{left.Count()} {MonitoredKinds.Of(first.Kind).PluralNoun} (such as {first.Name})";
            EmitVerbose($"Not applicable: {left.Key.Key} on {where}: {left.Key.Reason}");
        }

        var gateway = new AlarmGateway(session, AlarmWriteRate);
        var regions = resources.Select(r => r.Region).Append(session.Region);
        if (AwsRegionName.Partition(session.Region) == "aws")
        {
            regions = regions.Append(MonitoredResourceTypes.GlobalRegion);
        }

        var existing = await gateway.ReadAsync(regions, AlarmNaming.WorkloadPrefix(input.AlarmPrefix, workload.DashboardName), cancellationToken).ConfigureAwait(false);
        var existingArns = existing.ToDictionary(a => (a.Region, a.Name), a => a.Arn);
        var byResource = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Show(MetricAlarmSpec alarm, string arn) =>
            (byResource.TryGetValue(alarm.ResourceArn, out var list) ? list : byResource[alarm.ResourceArn] = new List<string>()).Add(arn);

        if (!IncludeAlarms)
        {
            foreach (var alarm in design.Alarms)
            {
                if (existingArns.TryGetValue((alarm.Region, alarm.Name), out var arn))
                {
                    Show(alarm, arn);
                }
            }

            EmitVerbose($"Alarms: {byResource.Values.Sum(l => l.Count)} of the {design.Alarms.Count} recommended for these resources exist; -IncludeAlarms creates and corrects them.");
            return Sorted(byResource);
        }

        var topics = input.Topics;
        await CheckTopicsAsync(session, topics, resources, cancellationToken).ConfigureAwait(false);
        var plan = AlarmPlanner.Plan(design.Alarms, existing, new AlarmPlanOptions
        {
            Workload = workload.DashboardName,
            Prefix = input.AlarmPrefix,
            TopicsByRegion = topics,
            Tags = input.AlarmTags,
            Prune = Prune,
        });
        ReportNeedsThreshold(plan);
        var writes = plan.Count(c => c.IsWrite);
        EmitVerbose($"Alarms: {writes} to write, {plan.Count(c => c.Action == ChangeAction.None)} unchanged, "
            + $"{plan.Count(c => c.Action == ChangeAction.Skip)} skipped, out of {existing.Count} existing with the workload's prefix.");

        string? account = null;
        if (plan.Any(c => c.Action == ChangeAction.Create))
        {
            account = (await CallerIdentityGateway.GetAsync(session, cancellationToken).ConfigureAwait(false)).Account;
        }

        Progress($"Alarms: {writes} change(s)");
        var outcomes = await ApplyConcurrentlyAsync(plan, gateway.ApplyAsync, cancellationToken).ConfigureAwait(false);
        foreach (var change in plan)
        {
            var alarm = change.Detail switch
            {
                PutAlarmOperation put => put.Alarm,
                MetricAlarmSpec spec when change.Action == ChangeAction.None => spec,
                _ => null,
            };
            if (alarm is null)
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
                Show(alarm, $"arn:{AwsRegionName.Partition(alarm.Region)}:cloudwatch:{alarm.Region}:{account}:alarm:{alarm.Name}");
            }
        }

        return Sorted(byResource);
    }

    /// <summary>
    /// Walks the alarm plan: ShouldProcess for each write in plan order, then the write itself runs beside a few
    /// others (paced by the gateway), so results of writes may come out in a different order than the plan's.
    /// Returns each change's outcome; changes shown under -WhatIf have none.
    /// </summary>
    private async Task<IReadOnlyDictionary<PlannedChange, ChangeOutcome>> ApplyConcurrentlyAsync(
        IReadOnlyList<PlannedChange> plan, Func<PlannedChange, CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        var outcomes = new ConcurrentDictionary<PlannedChange, ChangeOutcome>();
        using var slots = new SemaphoreSlim(AlarmWriteConcurrency);
        var running = new List<Task>();
        void Report(PlannedChange change, ChangeResult result)
        {
            outcomes[change] = result.Outcome;
            EmitObject(result);
        }

        foreach (var change in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!change.IsWrite)
            {
                Report(change, new ChangeResult(change, change.SuccessOutcome));
                continue;
            }

            var decision = await ShouldProcessAsync(change.Target, change.Describe()).ConfigureAwait(false);
            if (decision == ProcessDecision.WhatIf)
            {
                continue;
            }

            if (decision == ProcessDecision.Declined)
            {
                Report(change, new ChangeResult(change, ChangeOutcome.Skipped, "Declined at the confirmation prompt."));
                continue;
            }

            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await apply(change, cancellationToken).ConfigureAwait(false);
                    Report(change, new ChangeResult(change, change.SuccessOutcome));
                }
                catch (WAOpsException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    EmitError(ex, change.Target);
                    Report(change, new ChangeResult(change, ChangeOutcome.Failed, ex.Message, ex.ErrorId));
                }
                finally
                {
                    slots.Release();
                }
            }, CancellationToken.None));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        return outcomes;
    }

    private async Task CheckTopicsAsync(AwsSession session, IReadOnlyDictionary<string, IReadOnlyList<string>> topics, IReadOnlyList<MonitoredResource> resources, CancellationToken cancellationToken)
    {
        if (topics.Count == 0)
        {
            return;
        }

        var gateway = new TopicPolicyGateway(session);
        foreach (var arn in topics.Values.SelectMany(t => t))
        {
            SnsTopicArn.TryParse(arn, out var topic);
            var info = await gateway.ReadAsync(topic!, cancellationToken).ConfigureAwait(false);
            if (info.KmsMasterKeyId is { } key)
            {
                EmitWarning($"Topic {arn} is encrypted with KMS key {key}: its key policy must let cloudwatch.amazonaws.com use it (kms:Decrypt, kms:GenerateDataKey*), "
                    + "or alarm notifications are dropped. The AWS managed key alias/aws/sns cannot be used for alarm notifications.");
            }
        }

        foreach (var region in resources.Select(r => r.Region).Distinct(StringComparer.Ordinal).Where(r => !topics.ContainsKey(r)))
        {
            EmitWarning($"No -AlarmTopicArn topic is in {region}, so the alarms there keep the actions they have: an alarm can only notify a topic of its own region"
                + (region == MonitoredResourceTypes.GlobalRegion ? " (CloudFront's alarms live in us-east-1)." : "."));
        }
    }

    private void ReportNeedsThreshold(IReadOnlyList<PlannedChange> plan)
    {
        var needs = plan.Where(c => c.Action == ChangeAction.Skip && c.Detail is MetricAlarmSpec).Select(c => (MetricAlarmSpec)c.Detail!)
            .GroupBy(a => a.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (needs.Count == 0)
        {
            return;
        }

        EmitWarning($"{needs.Sum(g => g.Count())} recommended alarm(s) need a threshold that AWS leaves to you, and were not created: "
            + string.Join(", ", needs.Select(g => $"{g.Key} ({g.Count()})")) + ". "
            + "Give them with -AlarmThreshold @{ '" + needs[0].Key + "' = <value>; ... }; the results marked Skipped list each one.");
    }

    private async Task WriteFilesAsync(string path, IReadOnlyList<DashboardDefinition> dashboards, CancellationToken cancellationToken)
    {
        var files = dashboards.Select(d => (Path: DashboardPlanner.PartPath(path, d.Part), Dashboard: d)).ToList();
        var current = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (file, _) in files)
        {
            current[file] = File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false) : null;
        }

        await ApplyPlanAsync(DashboardPlanner.PlanFiles(files, current), async (change, ct) =>
        {
            var write = (WriteDashboardFileOperation)change.Detail!;
            try
            {
                await File.WriteAllTextAsync(write.Path, write.Content, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new WAOpsException(DashboardErrorIds.InvalidOutFile, ErrorKind.WriteError, $"The dashboard body could not be written to '{write.Path}': {ex.Message}", write.Path, ex);
            }
        }, EmitObject, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyDashboardsAsync(AwsSession session, WorkloadDescription workload, IReadOnlyList<DashboardDefinition> dashboards, CancellationToken cancellationToken)
    {
        var gateway = new DashboardGateway(session);
        var current = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var dashboard in dashboards)
        {
            current[dashboard.Name] = await gateway.GetBodyAsync(dashboard.Name, cancellationToken).ConfigureAwait(false);
        }

        var others = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in await gateway.ListPartNamesAsync(workload.DashboardName, cancellationToken).ConfigureAwait(false))
        {
            if (!current.ContainsKey(name))
            {
                others[name] = await gateway.GetBodyAsync(name, cancellationToken).ConfigureAwait(false);
            }
        }

        var plan = DashboardPlanner.Plan(dashboards, current, others, workload.Marker, Prune);
        Progress($"Dashboards: {plan.Count(c => c.IsWrite)} change(s)");
        await ApplyPlanAsync(plan, async (change, ct) =>
        {
            foreach (var warning in await gateway.ApplyAsync(change, ct).ConfigureAwait(false))
            {
                EmitWarning($"CloudWatch accepted dashboard {change.Target} with a warning: {warning}");
            }
        }, EmitObject, cancellationToken).ConfigureAwait(false);
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Sorted(Dictionary<string, List<string>> byResource) =>
        byResource.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Distinct(StringComparer.Ordinal).OrderBy(a => a, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    /// <summary>Everything given is checked before anything is read or written.</summary>
    private Input ValidateInput()
    {
        try
        {
            var byTags = Project is not null || Environment is not null || TagFilter is not null;
            DiscoveryMode mode;
            if (_piped.Count > 0)
            {
                mode = DiscoveryMode.Arns;
            }
            else if (StackName is not null)
            {
                if (byTags)
                {
                    throw new WAOpsException(ParameterErrorIds.ConflictingParameters, ErrorKind.InvalidArgument,
                        "Give -StackName or tags (-Project, -Environment, -TagFilter), not both: each finds the workload's resources on its own. Nothing was written.", StackName);
                }

                mode = DiscoveryMode.Stack;
            }
            else if (byTags)
            {
                mode = DiscoveryMode.Tags;
            }
            else
            {
                throw new WAOpsException(DashboardErrorIds.NoDiscoveryParameter, ErrorKind.InvalidArgument,
                    "Say which resources to monitor: -Project and/or -Environment (tag values), -TagFilter, -StackName, or resource ARNs piped in (for example from Get-WATagCompliance -IncludeCompliant).",
                    null)
                { RecommendedAction = "New-WADashboard -Project shop -Environment prod" };
            }

            var tagFilters = mode == DiscoveryMode.Tags ? TagFilters() : Array.Empty<TagFilterSpec>();
            var name = DashboardNameFor(mode);
            var prefix = AlarmNaming.ValidatePrefix(AlarmPrefix);
            var thresholds = AlarmThresholds.Parse(AlarmThreshold is null ? null : HashtableValues.ToStrings(InvariantNumbers(AlarmThreshold)).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)));
            var topics = AlarmTopics.Parse(AlarmTopicArn);
            var alarmTags = AlarmTagSet.Build(name, Project, Environment, AlarmTag is null ? null : HashtableValues.ToStrings(AlarmTag));
            if (!IncludeAlarms && (AlarmThreshold is not null || AlarmTag is not null || AlarmTopicArn is not null || MyInvocation.BoundParameters.ContainsKey(nameof(AlarmWriteRate))))
            {
                WriteWarning("-AlarmThreshold, -AlarmTag, -AlarmTopicArn and -AlarmWriteRate apply to alarms, which New-WADashboard changes only with -IncludeAlarms; this run only reads them.");
            }

            string? outFile = null;
            if (OutFile is not null)
            {
                outFile = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
                var folder = Path.GetDirectoryName(outFile);
                if (Directory.Exists(outFile) || (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder)))
                {
                    throw new WAOpsException(DashboardErrorIds.InvalidOutFile, ErrorKind.InvalidArgument,
                        $"-OutFile '{OutFile}' cannot be written: {(Directory.Exists(outFile) ? "it is a folder" : $"the folder {folder} does not exist")}. Nothing was written.", OutFile);
                }
            }

            var scope = mode switch
            {
                DiscoveryMode.Tags => "tags " + string.Join(", ", tagFilters.Select(f => f.Values.Count == 0 ? f.Key : $"{f.Key}={string.Join("|", f.Values)}")),
                DiscoveryMode.Stack => $"CloudFormation stack {StackName}",
                _ => $"{_piped.Count} ARN(s) given",
            };
            return new Input(mode, tagFilters, StackName, name, prefix, thresholds, topics, alarmTags, outFile, scope);
        }
        catch (WAOpsException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex));
            throw;
        }
    }

    private string DashboardNameFor(DiscoveryMode mode)
    {
        if (DashboardName is not null)
        {
            return DashboardNames.Validate(DashboardName);
        }

        var derived = mode switch
        {
            DiscoveryMode.Stack => DashboardNames.FromParts(StackName),
            DiscoveryMode.Tags when Project is not null || Environment is not null => DashboardNames.FromParts(Project, Environment),
            _ => string.Empty,
        };
        if (derived.Length == 0)
        {
            throw new WAOpsException(DashboardErrorIds.DashboardNameRequired, ErrorKind.InvalidArgument,
                mode == DiscoveryMode.Arns
                    ? "Resources given by ARN need -DashboardName: nothing else says what to call the dashboard (and its alarms)."
                    : "A workload found by -TagFilter alone, or by names without letters or digits, needs -DashboardName to call the dashboard (and its alarms).",
                null)
            { RecommendedAction = "Add -DashboardName, for example -DashboardName shop-prod." };
        }

        return derived;
    }

    private IReadOnlyList<TagFilterSpec> TagFilters()
    {
        var filters = new List<TagFilterSpec>();
        if (Project is not null)
        {
            filters.Add(new TagFilterSpec("Project", new[] { Project }));
        }

        if (Environment is not null)
        {
            filters.Add(new TagFilterSpec("Environment", new[] { Environment }));
        }

        if (TagFilter is not null)
        {
            foreach (var (key, values) in HashtableValues.ToLists(TagFilter))
            {
                if (string.IsNullOrWhiteSpace(key) || key.Length > 128 || values.Count > MaxTagFilterValues || filters.Any(f => f.Key == key))
                {
                    throw new WAOpsException(ParameterErrorIds.InvalidTagFilter, ErrorKind.InvalidArgument,
                        $"-TagFilter key '{key}' must be 1-128 characters with at most {MaxTagFilterValues} values, and must not repeat -Project or -Environment. Nothing was written.", key);
                }

                filters.Add(new TagFilterSpec(key, values));
            }
        }

        if (filters.Count == 0 || filters.Count > MaxTagFilterKeys)
        {
            throw new WAOpsException(ParameterErrorIds.InvalidTagFilter, ErrorKind.InvalidArgument, $"Tag filters take 1 to {MaxTagFilterKeys} keys; there are {filters.Count}.", TagFilter);
        }

        return filters;
    }

    /// <summary>Numbers in -AlarmThreshold are read in the invariant culture whatever the session's culture is.</summary>
    private static Hashtable InvariantNumbers(Hashtable table)
    {
        var copy = new Hashtable();
        foreach (DictionaryEntry entry in table)
        {
            var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            copy[entry.Key] = value is IFormattable number ? number.ToString(null, CultureInfo.InvariantCulture) : value;
        }

        return copy;
    }

    private void Progress(string status) => EmitProgress(new ProgressRecord(ProgressId, "New-WADashboard", status));

    private void CompleteProgress() => EmitProgress(new ProgressRecord(ProgressId, "New-WADashboard", "Done") { RecordType = ProgressRecordType.Completed });

    private void ReportCalls() =>
        EmitVerbose($"AWS calls: {CallCounter.Total} ({string.Join(", ", CallCounter.Snapshot().Select(c => $"{c.Key} {c.Value}"))}).");

    private enum DiscoveryMode
    {
        Tags,
        Stack,
        Arns,
    }

    private sealed record Input(
        DiscoveryMode Mode,
        IReadOnlyList<TagFilterSpec> TagFilters,
        string? StackName,
        string DashboardName,
        string AlarmPrefix,
        IReadOnlyDictionary<string, double> Thresholds,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Topics,
        IReadOnlyList<KeyValuePair<string, string>> AlarmTags,
        string? OutFile,
        string Scope);
}
