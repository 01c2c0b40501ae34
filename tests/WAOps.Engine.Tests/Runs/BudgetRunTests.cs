using WAOps.Engine.Budgets;
using WAOps.Engine.Errors;
using WAOps.Engine.Planning;
using WAOps.Engine.Runs;
using Xunit;

namespace WAOps.Engine.Tests.Runs;

/// <summary>Set-WABudgetAlert's run with in-memory ports: the budget store applies what it is given, so a second run sees the first's result.</summary>
public sealed class BudgetRunTests
{
    private const string Account = "123456789012";
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:alerts";

    /// <summary>An account's budgets in memory; applying a plan changes them as AWS would.</summary>
    private sealed class Budgets : IBudgetStore, ITopicPolicySource, IChangeApplier<BudgetOperation>
    {
        public Dictionary<string, BudgetState> State { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string?> Policies { get; } = new(StringComparer.Ordinal);

        public List<BudgetOperation> Sent { get; } = new();

        public string AccountId => Account;

        public Task<BudgetState?> ReadAsync(string budgetName, bool includeSubscribers, CancellationToken cancellationToken) =>
            Task.FromResult(State.GetValueOrDefault(budgetName));

        public Task<TopicPolicyInfo> ReadAsync(SnsTopicArn topic, CancellationToken cancellationToken) =>
            Task.FromResult(new TopicPolicyInfo(topic, Policies.GetValueOrDefault(topic.Arn), null));

        public Task<ApplyResult> ApplyAsync(PlannedChange<BudgetOperation> change, CancellationToken cancellationToken)
        {
            Sent.Add(change.Operation!);
            switch (change.Operation)
            {
                case CreateBudgetOperation create:
                    var spec = create.Budget;
                    State[spec.Name] = new BudgetState(Account, spec.Name, spec.Amount, spec.Currency, spec.TimeUnit.ToString(), "COST", spec.CostFilters,
                        spec.Notifications.Select(n => new BudgetNotification(n.Key, n.Subscribers, "OK")).ToArray());
                    break;
                case AddBudgetsTopicStatementOperation add:
                    Policies[add.Topic.Arn] = add.Policy;
                    break;
            }

            return Task.FromResult(ApplyResult.Completed());
        }
    }

    private static BudgetRequest Request(string? topic = null) => new()
    {
        Amount = "300",
        Project = "checkout",
        Emails = new[] { "ops@example.com" },
        SnsTopicArns = topic is null ? Array.Empty<string>() : new[] { topic },
    };

    [Fact]
    public async Task ABudgetIsCreatedOnceAndTheRunAfterChangesNothing()
    {
        var budgets = new Budgets();
        var run = new BudgetRun(budgets, budgets, budgets);
        var first = new RecordingHost();
        await run.SetAsync(Request(), prune: false, fixTopicPolicy: false, first, CancellationToken.None);

        var created = Assert.Single(first.Of<ChangeResult>());
        Assert.Equal((ChangeOutcome.Created, "Budget"), (created.Outcome, created.Kind));
        Assert.Equal("Project-checkout", Assert.Single(first.Of<BudgetState>()).Name);

        var second = new RecordingHost();
        await run.SetAsync(Request(), prune: false, fixTopicPolicy: false, second, CancellationToken.None);
        Assert.All(second.Of<ChangeResult>(), r => Assert.Equal(ChangeOutcome.Unchanged, r.Outcome));
        Assert.Single(budgets.Sent);
        Assert.Single(second.Of<BudgetState>());
    }

    [Fact]
    public async Task ATopicThatDoesNotLetBudgetsPublishStopsTheBudgetUnlessItsPolicyIsFixedFirst()
    {
        var budgets = new Budgets();
        var run = new BudgetRun(budgets, budgets, budgets);
        var refused = await Assert.ThrowsAsync<WAOpsException>(() => run.SetAsync(Request(Topic), false, false, new RecordingHost(), CancellationToken.None));
        Assert.Equal(BudgetErrorIds.TopicPolicyDeniesBudgets, refused.ErrorId);
        Assert.Empty(budgets.Sent);

        var host = new RecordingHost();
        await run.SetAsync(Request(Topic), false, fixTopicPolicy: true, host, CancellationToken.None);
        var results = host.Of<ChangeResult>().ToList();
        Assert.Equal(new[] { (BudgetRun.TopicPolicyKind, ChangeOutcome.Updated), ("Budget", ChangeOutcome.Created) }, results.Select(r => (r.Kind, r.Outcome)));
        Assert.IsType<AddBudgetsTopicStatementOperation>(budgets.Sent[0]);
        Assert.Equal(TopicPolicyDecision.Allowed, BudgetsTopicPolicy.Evaluate(budgets.Policies[Topic], Topic, Account, BudgetArn.For("aws", Account, "Project-checkout")).Decision);
        Assert.Equal(new[] { Topic, "Project-checkout" }, host.Asked);
    }

    [Fact]
    public async Task DecliningTheTopicPolicyChangeLeavesTheBudgetAlone()
    {
        var budgets = new Budgets();
        var host = new RecordingHost { Answer = target => target == Topic ? ConfirmDecision.Declined : null };
        var error = await Assert.ThrowsAsync<WAOpsException>(() => new BudgetRun(budgets, budgets, budgets).SetAsync(Request(Topic), false, true, host, CancellationToken.None));

        Assert.Equal(BudgetErrorIds.TopicPolicyDeniesBudgets, error.ErrorId);
        Assert.Contains("declined at the confirmation prompt", error.Message);
        Assert.Empty(budgets.Sent);
        Assert.All(host.Of<ChangeResult>(), r => Assert.Equal(ChangeOutcome.Skipped, r.Outcome));
        Assert.Equal(new[] { Topic }, host.Asked);
    }

    [Fact]
    public async Task WhatIfShowsThePlanAndReportsNoBudget()
    {
        var budgets = new Budgets();
        var host = new RecordingHost { Answer = _ => ConfirmDecision.WhatIf };
        await new BudgetRun(budgets, budgets, budgets).SetAsync(Request(Topic), false, true, host, CancellationToken.None);
        Assert.Empty(budgets.Sent);
        Assert.Empty(host.Output);
        Assert.Equal(2, host.Asked.Count);
    }
}
