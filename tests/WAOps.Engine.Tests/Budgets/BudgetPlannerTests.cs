using WAOps.Engine.Budgets;
using WAOps.Engine.Errors;
using WAOps.Engine.Planning;
using Xunit;

namespace WAOps.Engine.Tests.Budgets;

/// <summary>
/// The planner without any network. These cases are also what Set-WABudgetAlert does to an existing budget on
/// AWS; moto 5.2.1 lacks UpdateBudget, CreateSubscriber, DeleteSubscriber and DescribeSubscribersForNotification,
/// so the re-run, amount, threshold, e-mail and prune cases are proven here and in the AWS layer's wire-form and
/// moto round-trip tests.
/// </summary>
public sealed class BudgetPlannerTests
{
    private const string Account = "123456789012";
    private static readonly BudgetSubscriber Ops = BudgetSubscriber.Email("ops@example.com");
    private static readonly BudgetSubscriber Finance = BudgetSubscriber.Email("finance@example.com");
    private static readonly BudgetSubscriber TopicA = BudgetSubscriber.Sns("arn:aws:sns:us-east-1:123456789012:a");
    private static readonly BudgetSubscriber TopicB = BudgetSubscriber.Sns("arn:aws:sns:us-east-1:123456789012:b");

    private static BudgetSpec Spec(string amount = "500", string[]? emails = null, string? topic = null, double[]? forecast = null, double[]? actual = null,
        BudgetTimeUnit timeUnit = BudgetTimeUnit.Monthly, string? project = "checkout") =>
        BudgetValidator.Validate(new BudgetRequest
        {
            Amount = amount,
            Project = project,
            TimeUnit = timeUnit,
            Emails = emails ?? new[] { Ops.Address },
            SnsTopicArns = topic is null ? Array.Empty<string>() : new[] { topic },
            ForecastThresholds = forecast ?? BudgetRequest.DefaultForecastThresholds,
            ActualThresholds = actual ?? BudgetRequest.DefaultActualThresholds,
        });

    /// <summary>The budget AWS would have after <paramref name="spec"/> was applied.</summary>
    private static BudgetState StateOf(BudgetSpec spec, string budgetType = "COST", string? timeUnit = null, decimal? amount = null,
        IEnumerable<BudgetNotification>? notifications = null) =>
        new(Account, spec.Name, amount ?? spec.Amount, spec.Currency, timeUnit ?? spec.TimeUnit.ToString(), budgetType, spec.CostFilters,
            (notifications ?? spec.Notifications.Select(n => new BudgetNotification(n.Key, n.Subscribers, "OK"))).ToArray());

    private static BudgetNotification Alert(BudgetNotificationType type, double threshold, params BudgetSubscriber[] subscribers) =>
        new(BudgetNotificationKey.Percent(type, threshold), subscribers, "OK");

    private static string[] Summary(IEnumerable<PlannedChange> plan) => plan.Select(c => $"{c.Action} {c.Kind} {c.Target}").ToArray();

    [Fact]
    public void ANewBudgetIsOneCreationWithEveryAlert()
    {
        var spec = Spec();
        var change = Assert.Single(BudgetPlanner.Plan(spec, null, prune: false));

        Assert.Equal(ChangeAction.Create, change.Action);
        Assert.Equal("Budget", change.Kind);
        Assert.Equal("Project-checkout", change.Target);
        Assert.Same(spec, Assert.IsType<CreateBudgetOperation>(change.Operation).Budget);
        Assert.Equal("500 USD Monthly, Project checkout; alerts Forecasted > 50%, Forecasted > 80%, Forecasted > 100%, Actual > 100% to Email ops@example.com", change.After);
    }

    [Fact]
    public void AReRunOfAnAppliedPlanIsOnlyUnchanged()
    {
        var spec = Spec();
        var plan = BudgetPlanner.Plan(spec, StateOf(spec), prune: true);

        Assert.All(plan, c => Assert.Equal(ChangeAction.None, c.Action));
        Assert.All(plan, c => Assert.Equal(ChangeOutcome.Unchanged, c.SuccessOutcome));
        Assert.Equal(new[]
        {
            "None Budget Project-checkout",
            "None Notification Project-checkout/Forecasted > 50%",
            "None Subscriber Project-checkout/Forecasted > 50%/Email ops@example.com",
            "None Notification Project-checkout/Forecasted > 80%",
            "None Subscriber Project-checkout/Forecasted > 80%/Email ops@example.com",
            "None Notification Project-checkout/Forecasted > 100%",
            "None Subscriber Project-checkout/Forecasted > 100%/Email ops@example.com",
            "None Notification Project-checkout/Actual > 100%",
            "None Subscriber Project-checkout/Actual > 100%/Email ops@example.com",
        }, Summary(plan));
    }

    [Fact]
    public void AmountsCompareByValueAndEmailsWithoutCase()
    {
        var spec = Spec(amount: "500", emails: new[] { "OPS@example.com" });
        var state = StateOf(Spec(amount: "500.00"));
        Assert.All(BudgetPlanner.Plan(spec, state, prune: true), c => Assert.Equal(ChangeAction.None, c.Action));
    }

    [Fact]
    public void ANewAmountIsAnUpdateInPlace()
    {
        var plan = BudgetPlanner.Plan(Spec(amount: "750"), StateOf(Spec(amount: "500")), prune: false);

        var update = plan[0];
        Assert.Equal(ChangeAction.Update, update.Action);
        Assert.Equal("500 USD Monthly, Project checkout", update.Before);
        Assert.Equal("750 USD Monthly, Project checkout", update.After);
        Assert.Equal("Changed: amount.", update.Reason);
        var operation = Assert.IsType<UpdateBudgetOperation>(update.Operation);
        Assert.Equal(750m, operation.Budget.Amount);
        Assert.False(operation.TimeUnitChanged);
        Assert.All(plan.Skip(1), c => Assert.Equal(ChangeAction.None, c.Action));
    }

    [Fact]
    public void TimeUnitAndFilterChangesAreUpdatesToo()
    {
        var wanted = Spec(timeUnit: BudgetTimeUnit.Quarterly, project: "payments");
        var update = BudgetPlanner.Plan(wanted, StateOf(Spec()), prune: false)[0];
        Assert.Equal("Changed: time unit, cost filters.", update.Reason);
        Assert.True(Assert.IsType<UpdateBudgetOperation>(update.Operation).TimeUnitChanged);
        Assert.Equal("500 USD Quarterly, Project payments", update.After);
    }

    [Fact]
    public void NewThresholdsAreCreatedAndOldOnesReportedAsExtraWithoutPrune()
    {
        var plan = BudgetPlanner.Plan(Spec(forecast: new[] { 60d, 90d }), StateOf(Spec()), prune: false);

        Assert.Equal(new[]
        {
            "None Budget Project-checkout",
            "Create Notification Project-checkout/Forecasted > 60%",
            "Create Notification Project-checkout/Forecasted > 90%",
            "None Notification Project-checkout/Actual > 100%",
            "None Subscriber Project-checkout/Actual > 100%/Email ops@example.com",
            "Skip Notification Project-checkout/Forecasted > 50%",
            "Skip Notification Project-checkout/Forecasted > 80%",
            "Skip Notification Project-checkout/Forecasted > 100%",
        }, Summary(plan));
        var create = Assert.IsType<CreateNotificationOperation>(plan[1].Operation);
        Assert.Equal(new[] { Ops }, create.Notification.Subscribers);
        Assert.Equal(BudgetPlanner.ExtraReason, plan[5].Reason);
        Assert.Null(plan[5].Operation);
    }

    [Fact]
    public void PruneDeletesTheOldThresholdsAfterCreatingTheNewOnes()
    {
        var plan = BudgetPlanner.Plan(Spec(forecast: new[] { 60d, 90d }), StateOf(Spec()), prune: true);

        Assert.Equal(new[]
        {
            "None Budget Project-checkout",
            "Create Notification Project-checkout/Forecasted > 60%",
            "Create Notification Project-checkout/Forecasted > 90%",
            "None Notification Project-checkout/Actual > 100%",
            "None Subscriber Project-checkout/Actual > 100%/Email ops@example.com",
            "Delete Notification Project-checkout/Forecasted > 50%",
            "Delete Notification Project-checkout/Forecasted > 80%",
            "Delete Notification Project-checkout/Forecasted > 100%",
        }, Summary(plan));
        Assert.Equal(BudgetNotificationKey.Percent(BudgetNotificationType.Forecasted, 50), Assert.IsType<DeleteNotificationOperation>(plan[5].Operation).Notification);
    }

    [Fact]
    public void PruneDeletesFirstWhenTheNewNotificationsWouldNotFitBesideTheOldOnes()
    {
        var nine = Enumerable.Range(1, 9).Select(i => i * 10d).ToArray();
        var state = StateOf(Spec(forecast: nine));
        var plan = BudgetPlanner.Plan(Spec(forecast: new[] { 15d, 25d }), state, prune: true);

        var actions = plan.Select(c => c.Action).ToArray();
        var lastDelete = Array.LastIndexOf(actions, ChangeAction.Delete);
        var firstCreate = Array.IndexOf(actions, ChangeAction.Create);
        Assert.Equal(9, actions.Count(a => a == ChangeAction.Delete));
        Assert.True(lastDelete < firstCreate, string.Join(Environment.NewLine, Summary(plan)));
    }

    [Fact]
    public void ExtrasKeptWithoutPruneMustStillFitTheNotificationLimit()
    {
        var state = StateOf(Spec(forecast: Enumerable.Range(1, 9).Select(i => i * 10d).ToArray()));
        var error = Assert.Throws<WAOpsException>(() => BudgetPlanner.Plan(Spec(forecast: new[] { 15d, 25d }), state, prune: false));

        Assert.Equal(BudgetErrorIds.TooManyNotifications, error.ErrorId);
        Assert.Contains("-Prune", error.RecommendedAction);
        Assert.Contains("Forecasted > 90%", error.Message);
    }

    [Fact]
    public void AnAddedEmailBecomesOneSubscriberPerNotification()
    {
        var plan = BudgetPlanner.Plan(Spec(emails: new[] { Ops.Address, Finance.Address }), StateOf(Spec()), prune: false);

        var creates = plan.Where(c => c.Action == ChangeAction.Create).ToArray();
        Assert.Equal(4, creates.Length);
        Assert.All(creates, c =>
        {
            Assert.Equal("Subscriber", c.Kind);
            Assert.Equal(Finance, Assert.IsType<CreateSubscriberOperation>(c.Operation).Subscriber);
            Assert.EndsWith("/Email finance@example.com", c.Target);
        });
    }

    [Fact]
    public void ARemovedEmailIsExtraUntilPruned()
    {
        var state = StateOf(Spec(emails: new[] { Ops.Address, Finance.Address }));

        var reported = BudgetPlanner.Plan(Spec(), state, prune: false);
        Assert.Equal(4, reported.Count(c => c.Action == ChangeAction.Skip && c.Kind == "Subscriber"));
        Assert.DoesNotContain(reported, c => c.IsWrite);

        var pruned = BudgetPlanner.Plan(Spec(), state, prune: true);
        var deletes = pruned.Where(c => c.Action == ChangeAction.Delete).ToArray();
        Assert.Equal(4, deletes.Length);
        Assert.All(deletes, c => Assert.Equal(Finance, Assert.IsType<DeleteSubscriberOperation>(c.Operation).Subscriber));
    }

    [Fact]
    public void ReplacingTheEmailsCreatesBeforeItDeletes()
    {
        var plan = BudgetPlanner.Plan(Spec(emails: new[] { Finance.Address }, forecast: Array.Empty<double>()), StateOf(Spec(forecast: Array.Empty<double>())), prune: true);
        Assert.Equal(new[]
        {
            "None Budget Project-checkout",
            "None Notification Project-checkout/Actual > 100%",
            "Create Subscriber Project-checkout/Actual > 100%/Email finance@example.com",
            "Delete Subscriber Project-checkout/Actual > 100%/Email ops@example.com",
        }, Summary(plan));
    }

    [Fact]
    public void AnotherTopicBesideTheOldOneNeedsPrune()
    {
        var state = StateOf(Spec(topic: TopicA.Address, forecast: Array.Empty<double>()));
        var error = Assert.Throws<WAOpsException>(() => BudgetPlanner.Plan(Spec(topic: TopicB.Address, forecast: Array.Empty<double>()), state, prune: false));
        Assert.Equal(BudgetErrorIds.TooManySubscribers, error.ErrorId);
        Assert.Contains(TopicA.Address, error.Message);
    }

    [Fact]
    public void WithPruneTheOldTopicGoesBeforeTheNewOneComes()
    {
        var state = StateOf(Spec(topic: TopicA.Address, forecast: Array.Empty<double>()));
        var plan = BudgetPlanner.Plan(Spec(topic: TopicB.Address, forecast: Array.Empty<double>()), state, prune: true);
        Assert.Equal(new[]
        {
            "None Budget Project-checkout",
            "None Notification Project-checkout/Actual > 100%",
            "None Subscriber Project-checkout/Actual > 100%/Email ops@example.com",
            $"Delete Subscriber Project-checkout/Actual > 100%/Sns {TopicA.Address}",
            $"Create Subscriber Project-checkout/Actual > 100%/Sns {TopicB.Address}",
        }, Summary(plan));
    }

    [Fact]
    public void ANotificationThatWouldBeLeftWithoutSubscribersIsReplaced()
    {
        var state = StateOf(Spec(emails: Array.Empty<string>(), topic: TopicA.Address, forecast: Array.Empty<double>()));
        var plan = BudgetPlanner.Plan(Spec(emails: Array.Empty<string>(), topic: TopicB.Address, forecast: Array.Empty<double>()), state, prune: true);

        Assert.Equal(new[]
        {
            "None Budget Project-checkout",
            "Delete Notification Project-checkout/Actual > 100%",
            "Create Notification Project-checkout/Actual > 100%",
        }, Summary(plan));
        Assert.Equal(new[] { TopicB }, Assert.IsType<CreateNotificationOperation>(plan[2].Operation).Notification.Subscribers);
        Assert.StartsWith("Replaced", plan[1].Reason);
    }

    [Fact]
    public void ABudgetThatDoesNotTrackCostIsLeftAlone()
    {
        var error = Assert.Throws<WAOpsException>(() => BudgetPlanner.Plan(Spec(), StateOf(Spec(), budgetType: "USAGE"), prune: true));
        Assert.Equal(BudgetErrorIds.BudgetTypeMismatch, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
    }

    [Fact]
    public void ThePlannerRefusesAStateWhoseSubscribersWereNotRead()
    {
        var spec = Spec();
        var state = StateOf(spec, notifications: spec.Notifications.Select(n => new BudgetNotification(n.Key, null)));
        Assert.Throws<ArgumentException>(() => BudgetPlanner.Plan(spec, state, prune: false));
    }

    [Fact]
    public void NonPercentageNotificationsOfOthersAreExtras()
    {
        var spec = Spec(forecast: Array.Empty<double>());
        var absolute = new BudgetNotification(new BudgetNotificationKey(BudgetNotificationType.Actual, BudgetComparison.GreaterThan, 100, BudgetThresholdType.AbsoluteValue), new[] { Ops }, "ALARM");
        var plan = BudgetPlanner.Plan(spec, StateOf(spec, notifications: new[] { Alert(BudgetNotificationType.Actual, 100, Ops), absolute }), prune: false);
        Assert.Equal("Skip Notification Project-checkout/Actual > 100 (absolute)", Summary(plan)[^1]);
    }
}
