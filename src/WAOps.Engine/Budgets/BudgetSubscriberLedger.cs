namespace WAOps.Engine.Budgets;

/// <summary>
/// Works out each notification's subscribers after a plan was applied: those read before, plus those created,
/// minus those deleted, by the changes that succeeded. Set-WABudgetAlert uses it to report the resulting budget
/// without reading every notification's subscribers again.
/// </summary>
public static class BudgetSubscriberLedger
{
    public static IReadOnlyDictionary<BudgetNotificationKey, IReadOnlyList<BudgetSubscriber>> After(BudgetState? before, IEnumerable<BudgetOperation> applied)
    {
        var ledger = new Dictionary<BudgetNotificationKey, List<BudgetSubscriber>>();
        foreach (var notification in before?.Notifications ?? Array.Empty<BudgetNotification>())
        {
            if (notification.Subscribers is not null)
            {
                ledger[notification.Key] = notification.Subscribers.ToList();
            }
        }

        foreach (var operation in applied)
        {
            switch (operation)
            {
                case CreateBudgetOperation create:
                    foreach (var notification in create.Budget.Notifications)
                    {
                        ledger[notification.Key] = (notification.Subscribers ?? Array.Empty<BudgetSubscriber>()).ToList();
                    }

                    break;
                case CreateNotificationOperation create:
                    ledger[create.Notification.Key] = (create.Notification.Subscribers ?? Array.Empty<BudgetSubscriber>()).ToList();
                    break;
                case DeleteNotificationOperation delete:
                    ledger.Remove(delete.Notification);
                    break;
                case CreateSubscriberOperation create when ledger.TryGetValue(create.Notification, out var subscribers):
                    if (!subscribers.Contains(create.Subscriber))
                    {
                        subscribers.Add(create.Subscriber);
                    }

                    break;
                case DeleteSubscriberOperation delete when ledger.TryGetValue(delete.Notification, out var subscribers):
                    subscribers.Remove(delete.Subscriber);
                    break;
            }
        }

        return ledger.ToDictionary(e => e.Key, e => (IReadOnlyList<BudgetSubscriber>)e.Value.ToArray());
    }
}
