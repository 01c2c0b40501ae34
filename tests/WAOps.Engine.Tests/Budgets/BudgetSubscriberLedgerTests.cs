using WAOps.Engine.Budgets;
using Xunit;

namespace WAOps.Engine.Tests.Budgets;

public sealed class BudgetSubscriberLedgerTests
{
    private static readonly BudgetNotificationKey Forecast80 = BudgetNotificationKey.Percent(BudgetNotificationType.Forecasted, 80);
    private static readonly BudgetNotificationKey Actual100 = BudgetNotificationKey.Percent(BudgetNotificationType.Actual, 100);
    private static readonly BudgetSubscriber Ops = BudgetSubscriber.Email("ops@example.com");
    private static readonly BudgetSubscriber Finance = BudgetSubscriber.Email("finance@example.com");

    [Fact]
    public void ACreatedBudgetHasTheSubscribersItWasCreatedWith()
    {
        var spec = BudgetValidator.Validate(new BudgetRequest { Amount = "1", Emails = new[] { Ops.Address } });
        var ledger = BudgetSubscriberLedger.After(null, new[] { new CreateBudgetOperation(spec) });
        Assert.Equal(4, ledger.Count);
        Assert.All(ledger.Values, s => Assert.Equal(new[] { Ops }, s));
    }

    [Fact]
    public void AppliedChangesAddToAndTakeFromWhatWasRead()
    {
        var before = new BudgetState("123456789012", "b", 1, "USD", "Monthly", "COST", BudgetCostFilters.None, new[]
        {
            new BudgetNotification(Forecast80, new[] { Ops }),
            new BudgetNotification(Actual100, new[] { Ops, Finance }),
        });

        var ledger = BudgetSubscriberLedger.After(before, new BudgetOperation[]
        {
            new CreateSubscriberOperation("b", Forecast80, Finance),
            new DeleteSubscriberOperation("b", Actual100, Ops),
            new DeleteNotificationOperation("b", Forecast80),
            new CreateNotificationOperation("b", new BudgetNotification(BudgetNotificationKey.Percent(BudgetNotificationType.Forecasted, 90), new[] { Finance })),
        });

        Assert.False(ledger.ContainsKey(Forecast80));
        Assert.Equal(new[] { Finance }, ledger[Actual100]);
        Assert.Equal(new[] { Finance }, ledger[BudgetNotificationKey.Percent(BudgetNotificationType.Forecasted, 90)]);
    }
}
