using WAOps.Engine.Budgets;
using WAOps.Engine.Errors;
using WAOps.Engine.Planning;

namespace WAOps.Engine.Runs;

/// <summary>
/// Set-WABudgetAlert's run, one budget at a time: validate, read the budget with its notifications and subscribers,
/// plan the differences, check that each SNS topic lets AWS Budgets publish (with -FixTopicPolicy the missing
/// statement is a planned change made before the budget's), carry out the plan, then write the resulting budget.
/// </summary>
public sealed class BudgetRun
{
    public const string TopicPolicyKind = "TopicPolicy";

    private readonly IBudgetStore _budgets;
    private readonly ITopicPolicySource _topics;
    private readonly IChangeApplier<BudgetOperation> _applier;
    private readonly Dictionary<string, TopicPolicyInfo> _known = new(StringComparer.Ordinal);

    public BudgetRun(IBudgetStore budgets, ITopicPolicySource topics, IChangeApplier<BudgetOperation> applier)
    {
        _budgets = budgets;
        _topics = topics;
        _applier = applier;
    }

    public async Task SetAsync(BudgetRequest request, bool prune, bool fixTopicPolicy, IRunHost host, CancellationToken cancellationToken)
    {
        // Everything the user gave is checked before anything is read or written.
        var spec = BudgetValidator.Validate(request);
        host.Progress(new RunProgress($"Budget {spec.Name}: reading"));
        var current = await _budgets.ReadAsync(spec.Name, includeSubscribers: true, cancellationToken).ConfigureAwait(false);
        var budgetPlan = BudgetPlanner.Plan(spec, current, prune);
        var plan = (await TopicChangesAsync(spec, fixTopicPolicy, host, cancellationToken).ConfigureAwait(false)).Concat(budgetPlan).ToList();

        var writes = plan.Count(c => c.IsWrite);
        host.Verbose($"Budget {spec.Name}: {(current is null ? "does not exist" : "exists")}; {writes} change(s) to make, "
            + $"{plan.Count(c => c.Action == ChangeAction.None)} unchanged, {plan.Count(c => c.Action == ChangeAction.Skip)} extra.");
        host.Progress(new RunProgress($"Budget {spec.Name}: {writes} change(s)"));

        var execution = await new PlanExecutor(host).ExecuteAsync(plan, _applier, ExecutionOptions.Sequential with { ReportProgress = false },
            r => host.Emit(r.ToResult()), cancellationToken).ConfigureAwait(false);
        foreach (var added in execution.Applied.OfType<AddBudgetsTopicStatementOperation>())
        {
            _known[added.Topic.Arn] = _known[added.Topic.Arn] with { Policy = added.Policy };
            host.Verbose($"Topic {added.Topic.Arn}: added statement {BudgetsTopicPolicy.StatementId} so that AWS Budgets may publish to it.");
        }

        if (execution.WhatIf)
        {
            // The plan was shown and nothing was written, so there is no resulting budget to report.
            return;
        }

        if (execution.Results.FirstOrDefault(r => r.Change.IsPrerequisite && r.Outcome == ChangeOutcome.Skipped) is { } missing)
        {
            throw new WAOpsException(BudgetErrorIds.TopicPolicyDeniesBudgets, ErrorKind.PermissionDenied,
                $"The policy of topic {missing.Change.Target} was left as it is ({missing.Note?.TrimEnd('.').ToLowerInvariant() ?? "not changed"}), and it does not let "
                + $"budgets.amazonaws.com publish. Budget {spec.Name} was not changed.", missing.Change.Target);
        }

        var applied = execution.Applied.Where(o => o is not AddBudgetsTopicStatementOperation).ToList();
        if (applied.Count == 0 && execution.Results.Any(r => r.Outcome == ChangeOutcome.Failed))
        {
            // Each failure was reported as it happened; there is no resulting budget to tell of.
            return;
        }

        if (applied.Count == 0)
        {
            if (current is not null)
            {
                host.Emit(current);
            }

            return;
        }

        // The budget and its notifications are read back; their subscribers are those read before plus those this
        // run added minus those it removed (reading them again would cost one call per notification).
        var after = await _budgets.ReadAsync(spec.Name, includeSubscribers: false, cancellationToken).ConfigureAwait(false);
        if (after is not null)
        {
            host.Emit(after.WithSubscribers(BudgetSubscriberLedger.After(current, applied)));
        }
    }

    /// <summary>
    /// An SNS topic must be in the budget's account and its policy must let budgets.amazonaws.com publish, or AWS drops
    /// the alerts without a word. Checked before anything is written: a topic that denies it stops the budget; one that
    /// does not allow it does too, unless -FixTopicPolicy, which plans the statement AWS documents as a prerequisite.
    /// </summary>
    private async Task<IReadOnlyList<PlannedChange<BudgetOperation>>> TopicChangesAsync(BudgetSpec spec, bool fix, IRunHost host, CancellationToken cancellationToken)
    {
        var changes = new List<PlannedChange<BudgetOperation>>();
        var arns = spec.Notifications.SelectMany(n => n.Subscribers ?? Array.Empty<BudgetSubscriber>())
            .Where(s => s.Type == BudgetSubscriberType.Sns).Select(s => s.Address).Distinct(StringComparer.Ordinal);
        var account = _budgets.AccountId;
        foreach (var arn in arns)
        {
            SnsTopicArn.TryParse(arn, out var topic);
            if (topic!.AccountId != account)
            {
                throw new WAOpsException(BudgetErrorIds.TopicInOtherAccount, ErrorKind.InvalidArgument,
                    $"The SNS topic {arn} belongs to account {topic.AccountId}, but the budget is in account {account}; AWS Budgets publishes only to topics of the budget's own account.",
                    arn)
                { RecommendedAction = $"Create the topic in account {account}, or run with credentials of account {topic.AccountId}." };
            }

            if (!_known.TryGetValue(arn, out var info))
            {
                info = await _topics.ReadAsync(topic, cancellationToken).ConfigureAwait(false);
                _known[arn] = info;
                if (info.KmsMasterKeyId is { } key)
                {
                    host.Warning($"Topic {arn} is encrypted with KMS key {key}: its key policy must let budgets.amazonaws.com use it (kms:GenerateDataKey*, kms:Decrypt), "
                        + "or alerts are dropped. The AWS managed key alias/aws/sns cannot be used for budget alerts.");
                }
            }

            var budgetArn = BudgetArn.For(topic.Partition, account, spec.Name);
            var verdict = BudgetsTopicPolicy.Evaluate(info.Policy, arn, account, budgetArn);
            foreach (var note in verdict.Notes)
            {
                host.Verbose(note);
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

            if (!fix)
            {
                throw new WAOpsException(BudgetErrorIds.TopicPolicyDeniesBudgets, ErrorKind.PermissionDenied,
                    $"The access policy of topic {arn} does not let budgets.amazonaws.com publish (SNS:Publish); budget alerts sent to it would be lost. Nothing was written.",
                    arn)
                { RecommendedAction = "Add -FixTopicPolicy to add the statement AWS documents (Principal budgets.amazonaws.com, conditions aws:SourceAccount and aws:SourceArn), or add it yourself." };
            }

            var policy = BudgetsTopicPolicy.AddBudgetsStatement(info.Policy, arn, account);
            changes.Add(new PlannedChange<BudgetOperation>(arn, TopicPolicyKind, ChangeAction.Update, "AWS Budgets may not publish to the topic.",
                operation: new AddBudgetsTopicStatementOperation(spec.Name, topic, policy),
                description: $"Add statement {BudgetsTopicPolicy.StatementId} to the topic policy: budgets.amazonaws.com may SNS:Publish for budgets of account {account}")
            {
                IsPrerequisite = true,
            });
        }

        return changes;
    }
}
