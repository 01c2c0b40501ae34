using System.Collections;
using System.Management.Automation;
using WAOps.Aws.Services.Budgets;
using WAOps.Aws.Services.Sns;
using WAOps.Aws.Services.Sts;
using WAOps.Aws.Session;
using WAOps.Engine.Budgets;
using WAOps.Engine.Errors;
using WAOps.Engine.Planning;
using WAOps.PowerShell.Infrastructure;
using TopicArn = WAOps.Engine.Budgets.SnsTopicArn;

namespace WAOps.PowerShell.Commands;

/// <summary>
/// Creates an AWS budget with alerts (by default FORECASTED at 50, 80 and 100 % and ACTUAL at 100 %), or corrects
/// an existing one in place: reads the budget, its notifications and their subscribers, plans the differences and
/// applies them change by change (ShouldProcess for each). Never re-creates a budget. One budget per pipeline
/// object, so a CSV of projects and amounts makes one budget per row.
/// </summary>
[Cmdlet(VerbsCommon.Set, "WABudgetAlert", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ProjectSet)]
[OutputType("WAOps.ChangeResult", "WAOps.BudgetState")]
public sealed class SetWABudgetAlertCommand : WAOpsAwsCmdlet
{
    private const string ProjectSet = "Project";
    private const string CostFilterSet = "CostFilter";
    private const int ProgressId = 41;

    private readonly Dictionary<string, TopicPolicyInfo> _topics = new(StringComparer.Ordinal);
    private AwsSession? _session;
    private BudgetGateway? _gateway;
    private int _budgets;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Amount { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string Currency { get; set; } = "USD";

    // A string, not the engine's enum: PowerShell reflects parameter types when it imports the module, before the
    // module initializer can load WAOps.Engine into WAOps' own load context.
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("Daily", "Monthly", "Quarterly", "Annually")]
    public string TimeUnit { get; set; } = "Monthly";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("BudgetName")]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ProjectSet, ValueFromPipelineByPropertyName = true)]
    public string? Project { get; set; }

    [Parameter(ParameterSetName = CostFilterSet, Mandatory = true)]
    public Hashtable? CostFilter { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("EmailAddress")]
    public string[]? Email { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SnsTopicArn { get; set; }

    [Parameter]
    [AllowEmptyCollection]
    public double[] ForecastThreshold { get; set; } = BudgetRequest.DefaultForecastThresholds.ToArray();

    [Parameter]
    [AllowEmptyCollection]
    public double[] ActualThreshold { get; set; } = BudgetRequest.DefaultActualThresholds.ToArray();

    [Parameter]
    public SwitchParameter Prune { get; set; }

    [Parameter]
    public SwitchParameter FixTopicPolicy { get; set; }

    [Parameter]
    [Alias("RegionToCall")]
    [RegionTransformation]
    [ArgumentCompleter(typeof(RegionArgumentCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    protected override string? RequestedRegion => Region;

    protected override void BeginProcessing() => _session = ResolveSession();

    protected override void ProcessRecord()
    {
        var request = new BudgetRequest
        {
            Name = Name,
            Amount = Amount,
            Currency = Currency,
            TimeUnit = Enum.Parse<BudgetTimeUnit>(TimeUnit, ignoreCase: true),
            Project = Project,
            CostFilter = CostFilter is null ? null : ToFilters(CostFilter),
            Emails = Email ?? Array.Empty<string>(),
            SnsTopicArns = SnsTopicArn is null ? Array.Empty<string>() : new[] { SnsTopicArn },
            ForecastThresholds = ForecastThreshold ?? Array.Empty<double>(),
            ActualThresholds = ActualThreshold ?? Array.Empty<double>(),
        };

        // One budget per pipeline object: a failure of one is reported and the next goes on. Called directly,
        // the cmdlet stops on the failure instead.
        var perItem = MyInvocation.ExpectingInput;
        RunAsync(async cancellationToken =>
        {
            try
            {
                await SetBudgetAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (WAOpsException ex) when (perItem)
            {
                EmitError(ex, ex.Target ?? request.Name ?? request.Project);
            }
        });
    }

    protected override void EndProcessing()
    {
        if (_budgets > 0)
        {
            WriteProgress(new ProgressRecord(ProgressId, "Set-WABudgetAlert", "Done") { RecordType = ProgressRecordType.Completed });
        }

        WriteVerbose($"{CallCounter.Total} AWS call(s) for {_budgets} budget(s).");
    }

    private async Task SetBudgetAsync(BudgetRequest request, CancellationToken cancellationToken)
    {
        // Everything the user gave is checked before anything is read or written.
        var spec = BudgetValidator.Validate(request);
        _budgets++;
        Progress($"Budget {spec.Name}: reading");
        var gateway = await GatewayAsync(cancellationToken).ConfigureAwait(false);
        var current = await gateway.ReadAsync(spec.Name, includeSubscribers: true, cancellationToken).ConfigureAwait(false);
        var plan = BudgetPlanner.Plan(spec, current, Prune.IsPresent);
        await EnsureTopicsAcceptBudgetsAsync(spec, gateway, cancellationToken).ConfigureAwait(false);

        var writes = plan.Count(c => c.IsWrite);
        EmitVerbose($"Budget {spec.Name}: {(current is null ? "does not exist" : "exists")}; {writes} change(s) to make, "
            + $"{plan.Count(c => c.Action == ChangeAction.None)} unchanged, {plan.Count(c => c.Action == ChangeAction.Skip)} extra.");
        Progress($"Budget {spec.Name}: {writes} change(s)");

        var applied = new List<BudgetOperation>();
        var results = await ApplyPlanAsync(plan, async (change, ct) =>
        {
            await gateway.ApplyAsync(change, ct).ConfigureAwait(false);
            applied.Add((BudgetOperation)change.Detail!);
        }, EmitObject, cancellationToken).ConfigureAwait(false);

        if (results.Count < plan.Count)
        {
            // -WhatIf: the plan was shown and nothing was written, so there is no resulting budget to report.
            return;
        }

        if (applied.Count == 0)
        {
            if (current is not null)
            {
                EmitObject(current);
            }

            return;
        }

        // The budget and its notifications are read back; their subscribers are those read before plus those
        // this run added minus those it removed (reading them again would cost one call per notification).
        var after = await gateway.ReadAsync(spec.Name, includeSubscribers: false, cancellationToken).ConfigureAwait(false);
        if (after is not null)
        {
            EmitObject(after.WithSubscribers(BudgetSubscriberLedger.After(current, applied)));
        }
    }

    /// <summary>
    /// An SNS topic must be in the budget's account and its policy must let budgets.amazonaws.com publish, or AWS
    /// drops the alerts without a word. Checked before the budget is written; with -FixTopicPolicy the statement
    /// AWS documents is added (after ShouldProcess).
    /// </summary>
    private async Task EnsureTopicsAcceptBudgetsAsync(BudgetSpec spec, BudgetGateway gateway, CancellationToken cancellationToken)
    {
        var arns = spec.Notifications.SelectMany(n => n.Subscribers ?? Array.Empty<BudgetSubscriber>())
            .Where(s => s.Type == BudgetSubscriberType.Sns).Select(s => s.Address).Distinct(StringComparer.Ordinal);
        foreach (var arn in arns)
        {
            TopicArn.TryParse(arn, out var topic);
            if (topic!.AccountId != gateway.AccountId)
            {
                throw new WAOpsException(BudgetErrorIds.TopicInOtherAccount, ErrorKind.InvalidArgument,
                    $"The SNS topic {arn} belongs to account {topic.AccountId}, but the budget is in account {gateway.AccountId}; AWS Budgets publishes only to topics of the budget's own account.",
                    arn)
                { RecommendedAction = $"Create the topic in account {gateway.AccountId}, or run with credentials of account {topic.AccountId}." };
            }

            var known = _topics.TryGetValue(arn, out var cached);
            var info = cached ?? await new TopicPolicyGateway(_session!).ReadAsync(topic, cancellationToken).ConfigureAwait(false);
            if (!known && info.KmsMasterKeyId is { } key)
            {
                EmitWarning($"Topic {arn} is encrypted with KMS key {key}: its key policy must let budgets.amazonaws.com use it (kms:GenerateDataKey*, kms:Decrypt), "
                    + "or alerts are dropped. The AWS managed key alias/aws/sns cannot be used for budget alerts.");
            }

            _topics[arn] = info;
            var budgetArn = BudgetArn.For(topic.Partition, gateway.AccountId, spec.Name);
            var verdict = BudgetsTopicPolicy.Evaluate(info.Policy, arn, gateway.AccountId, budgetArn);
            foreach (var note in verdict.Notes)
            {
                EmitVerbose(note);
            }

            if (verdict.Decision == TopicPolicyDecision.Denied)
            {
                throw new WAOpsException(BudgetErrorIds.TopicPolicyDeniesBudgets, ErrorKind.PermissionDenied,
                    $"The access policy of topic {arn} denies budgets.amazonaws.com SNS:Publish (statement '{verdict.StatementId ?? "without Sid"}'); budget alerts sent to it would be lost. "
                    + "An added Allow cannot override a Deny, so -FixTopicPolicy does not change it.",
                    arn)
                { RecommendedAction = "Change or remove the Deny statement, or use another topic." };
            }

            if (verdict.Decision == TopicPolicyDecision.Allowed)
            {
                continue;
            }

            if (!FixTopicPolicy)
            {
                throw new WAOpsException(BudgetErrorIds.TopicPolicyDeniesBudgets, ErrorKind.PermissionDenied,
                    $"The access policy of topic {arn} does not let budgets.amazonaws.com publish (SNS:Publish); budget alerts sent to it would be lost. Nothing was written.",
                    arn)
                { RecommendedAction = "Add -FixTopicPolicy to add the statement AWS documents (Principal budgets.amazonaws.com, conditions aws:SourceAccount and aws:SourceArn), or add it yourself." };
            }

            var decision = await ShouldProcessAsync(arn, $"Add statement {BudgetsTopicPolicy.StatementId} to the topic policy: budgets.amazonaws.com may SNS:Publish for budgets of account {gateway.AccountId}")
                .ConfigureAwait(false);
            if (decision == ProcessDecision.Declined)
            {
                throw new WAOpsException(BudgetErrorIds.TopicPolicyDeniesBudgets, ErrorKind.PermissionDenied,
                    $"The policy of topic {arn} was left as it is (declined), and it does not let budgets.amazonaws.com publish. Nothing was written.", arn);
            }

            if (decision == ProcessDecision.Proceed)
            {
                var policy = BudgetsTopicPolicy.AddBudgetsStatement(info.Policy, arn, gateway.AccountId);
                await new TopicPolicyGateway(_session!).WritePolicyAsync(topic, policy, cancellationToken).ConfigureAwait(false);
                _topics[arn] = info with { Policy = policy };
                EmitVerbose($"Topic {arn}: added statement {BudgetsTopicPolicy.StatementId} so that AWS Budgets may publish to it.");
            }
        }
    }

    private async Task<BudgetGateway> GatewayAsync(CancellationToken cancellationToken)
    {
        if (_gateway is null)
        {
            var identity = await CallerIdentityGateway.GetAsync(_session!, cancellationToken).ConfigureAwait(false);
            var partition = AwsRegionName.Partition(_session!.Region);
            _gateway = new BudgetGateway(new BudgetsClient(_session), identity.Account, partition);
            EmitVerbose($"Budgets of account {identity.Account} (from STS), at {_gateway.Client.Endpoint.BaseUri} (signed for {_gateway.Client.Endpoint.SigningRegion}).");
        }

        return _gateway;
    }

    private void Progress(string status) =>
        EmitProgress(new ProgressRecord(ProgressId, "Set-WABudgetAlert", status));

    /// <summary>@{ Region = 'us-east-1'; Service = 'Amazon EC2','AWS Lambda' } as filter name to values.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> ToFilters(Hashtable table)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
        {
            var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            filters[entry.Key?.ToString() ?? string.Empty] = value switch
            {
                null => Array.Empty<string>(),
                string text => new[] { text },
                IEnumerable items => items.Cast<object?>().Select(item => (item is PSObject p ? p.BaseObject : item)?.ToString() ?? string.Empty).ToArray(),
                _ => new[] { value.ToString() ?? string.Empty },
            };
        }

        return filters;
    }
}
