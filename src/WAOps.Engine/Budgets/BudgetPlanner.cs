using WAOps.Engine.Errors;
using WAOps.Engine.Planning;

namespace WAOps.Engine.Budgets;

/// <summary>
/// Compares a wanted budget with the budget AWS has and plans the differences, never a re-creation: the budget
/// is created once (with all its notifications and subscribers in one call) and afterwards only updated in
/// place (UpdateBudget for limit, time unit and filters; notifications, keyed by type, operator, threshold and
/// threshold type, and their subscribers created and deleted one by one). Items AWS has that are not wanted are
/// reported as extra (Skip) and deleted only with prune. Every item gets a change, Unchanged ones included, so a
/// re-run of an applied plan reports only Unchanged.
/// </summary>
public static class BudgetPlanner
{
    public const string BudgetKind = "Budget";
    public const string NotificationKind = "Notification";
    public const string SubscriberKind = "Subscriber";
    public const string ExtraReason = "Not in the wanted set; -Prune removes it.";
    public const string AsWantedReason = "As wanted.";

    /// <param name="desired">The budget as it should be.</param>
    /// <param name="actual">The budget as AWS has it, with every notification's subscribers read; null when it does not exist.</param>
    /// <param name="prune">Delete notifications and subscribers that are not wanted, instead of reporting them.</param>
    public static IReadOnlyList<PlannedChange<BudgetOperation>> Plan(BudgetSpec desired, BudgetState? actual, bool prune)
    {
        ArgumentNullException.ThrowIfNull(desired);
        if (actual is null)
        {
            return new[] { CreateBudget(desired) };
        }

        if (!string.Equals(actual.BudgetType, "COST", StringComparison.OrdinalIgnoreCase))
        {
            throw new WAOpsException(BudgetErrorIds.BudgetTypeMismatch, ErrorKind.InvalidOperation,
                $"Budget '{actual.Name}' exists but tracks {actual.BudgetType}, not cost; Set-WABudgetAlert manages cost budgets only and leaves it alone.",
                actual.Name)
            { RecommendedAction = "Give another -Name." };
        }

        var changes = new List<PlannedChange<BudgetOperation>> { BudgetChange(desired, actual) };
        var existing = actual.Notifications.GroupBy(n => n.Key).ToDictionary(g => g.Key, g => g.First());
        var wantedKeys = desired.Notifications.Select(n => n.Key).ToHashSet();
        var extras = existing.Values.Where(n => !wantedKeys.Contains(n.Key)).ToList();
        var added = desired.Notifications.Count(n => !existing.ContainsKey(n.Key));

        var resulting = desired.Notifications.Count + (prune ? 0 : extras.Count);
        if (resulting > BudgetLimits.MaxNotifications)
        {
            throw new WAOpsException(BudgetErrorIds.TooManyNotifications, ErrorKind.LimitsExceeded,
                $"Budget '{desired.Name}' would have {resulting} notifications: the {desired.Notifications.Count} wanted and {extras.Count} it has that are not wanted "
                + $"({string.Join(", ", extras.Select(e => e.Key))}). AWS Budgets allows at most {BudgetLimits.MaxNotifications} per budget.",
                desired.Name)
            { RecommendedAction = "Add -Prune to remove the notifications that are not wanted, or give fewer thresholds." };
        }

        // Deletes go first only when the new notifications would not fit beside the old ones.
        var pruneFirst = prune && extras.Count > 0 && existing.Count + added > BudgetLimits.MaxNotifications;
        if (pruneFirst)
        {
            changes.AddRange(extras.Select(e => DeleteNotification(desired.Name, e, ExtraReason)));
        }

        foreach (var wanted in desired.Notifications)
        {
            changes.AddRange(existing.TryGetValue(wanted.Key, out var current)
                ? PlanNotification(desired.Name, wanted, current, prune)
                : new[] { CreateNotification(desired.Name, wanted, "The notification does not exist.") });
        }

        if (!pruneFirst)
        {
            changes.AddRange(extras.Select(e => prune
                ? DeleteNotification(desired.Name, e, ExtraReason)
                : new PlannedChange<BudgetOperation>(NotificationTarget(desired.Name, e.Key), NotificationKind, ChangeAction.Skip, ExtraReason, before: DescribeSubscribers(e.Subscribers))));
        }

        return changes;
    }

    public static string NotificationTarget(string budget, BudgetNotificationKey key) => $"{budget}/{key}";

    public static string SubscriberTarget(string budget, BudgetNotificationKey key, BudgetSubscriber subscriber) => $"{budget}/{key}/{subscriber}";

    private static PlannedChange<BudgetOperation> CreateBudget(BudgetSpec desired) =>
        new(desired.Name, BudgetKind, ChangeAction.Create, "The budget does not exist.",
            after: $"{desired.DescribeLimit()}; alerts {string.Join(", ", desired.Notifications.Select(n => n.Key))} to {DescribeSubscribers(desired.Notifications.FirstOrDefault()?.Subscribers)}",
            operation: new CreateBudgetOperation(desired));

    private static PlannedChange<BudgetOperation> BudgetChange(BudgetSpec desired, BudgetState actual)
    {
        var differences = new List<string>();
        if (actual.Amount != desired.Amount)
        {
            differences.Add("amount");
        }

        if (!string.Equals(actual.Currency, desired.Currency, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add("currency");
        }

        var timeUnitChanged = !string.Equals(actual.TimeUnit, desired.TimeUnit.ToString(), StringComparison.OrdinalIgnoreCase);
        if (timeUnitChanged)
        {
            differences.Add("time unit");
        }

        if (!BudgetCostFilters.AreEqual(actual.CostFilters, desired.CostFilters))
        {
            differences.Add("cost filters");
        }

        return differences.Count == 0
            ? new PlannedChange<BudgetOperation>(desired.Name, BudgetKind, ChangeAction.None, AsWantedReason, actual.DescribeLimit(), desired.DescribeLimit())
            : new PlannedChange<BudgetOperation>(desired.Name, BudgetKind, ChangeAction.Update, $"Changed: {string.Join(", ", differences)}.",
                actual.DescribeLimit(), desired.DescribeLimit(), new UpdateBudgetOperation(desired, timeUnitChanged));
    }

    private static IEnumerable<PlannedChange<BudgetOperation>> PlanNotification(string budget, BudgetNotification wanted, BudgetNotification current, bool prune)
    {
        var have = current.Subscribers ?? throw new ArgumentException($"The subscribers of {NotificationTarget(budget, current.Key)} were not read; the planner needs them.", nameof(current));
        var want = wanted.Subscribers ?? Array.Empty<BudgetSubscriber>();
        var creates = want.Where(s => !have.Contains(s)).ToList();
        var extras = have.Where(s => !want.Contains(s)).ToList();

        foreach (var type in new[] { BudgetSubscriberType.Email, BudgetSubscriberType.Sns })
        {
            var resulting = want.Count(s => s.Type == type) + (prune ? 0 : extras.Count(s => s.Type == type));
            if (resulting > LimitOf(type))
            {
                throw new WAOpsException(BudgetErrorIds.TooManySubscribers, ErrorKind.LimitsExceeded,
                    $"The notification {NotificationTarget(budget, current.Key)} would have {resulting} {Describe(type)} subscribers: the wanted ones and "
                    + $"{string.Join(", ", extras.Where(s => s.Type == type).Select(s => s.Address))}, which it has and are not wanted. AWS Budgets allows {LimitOf(type)}.",
                    NotificationTarget(budget, current.Key))
                { RecommendedAction = "Add -Prune to replace the subscribers that are not wanted." };
            }
        }

        // A type whose new subscribers do not fit beside the old ones (one SNS topic per notification) has its
        // old ones deleted first. If that would leave the notification without any subscriber, which AWS does
        // not allow, the notification is replaced instead.
        var overflowing = new[] { BudgetSubscriberType.Email, BudgetSubscriberType.Sns }
            .Where(t => prune && have.Count(s => s.Type == t) + creates.Count(s => s.Type == t) > LimitOf(t))
            .ToHashSet();
        var left = have.Count + creates.Count(s => !overflowing.Contains(s.Type)) - extras.Count(s => overflowing.Contains(s.Type));
        if (overflowing.Count > 0 && left <= 0)
        {
            const string Reason = "Replaced: its subscribers change and AWS allows one SNS topic per notification and no notification without subscribers.";
            yield return DeleteNotification(budget, current, Reason);
            yield return CreateNotification(budget, wanted, Reason);
            yield break;
        }

        var target = NotificationTarget(budget, current.Key);
        yield return new PlannedChange<BudgetOperation>(target, NotificationKind, ChangeAction.None, AsWantedReason, DescribeSubscribers(have), DescribeSubscribers(want));
        foreach (var subscriber in want.Where(have.Contains))
        {
            yield return new PlannedChange<BudgetOperation>(SubscriberTarget(budget, current.Key, subscriber), SubscriberKind, ChangeAction.None, AsWantedReason, subscriber.Address, subscriber.Address);
        }

        foreach (var subscriber in creates.Where(s => !overflowing.Contains(s.Type)))
        {
            yield return CreateSubscriber(budget, current.Key, subscriber);
        }

        foreach (var subscriber in extras.Where(s => overflowing.Contains(s.Type)))
        {
            yield return DeleteSubscriber(budget, current.Key, subscriber);
        }

        foreach (var subscriber in creates.Where(s => overflowing.Contains(s.Type)))
        {
            yield return CreateSubscriber(budget, current.Key, subscriber);
        }

        foreach (var subscriber in extras.Where(s => !overflowing.Contains(s.Type)))
        {
            yield return prune
                ? DeleteSubscriber(budget, current.Key, subscriber)
                : new PlannedChange<BudgetOperation>(SubscriberTarget(budget, current.Key, subscriber), SubscriberKind, ChangeAction.Skip, ExtraReason, before: subscriber.Address);
        }
    }

    private static PlannedChange<BudgetOperation> CreateNotification(string budget, BudgetNotification wanted, string reason) =>
        new(NotificationTarget(budget, wanted.Key), NotificationKind, ChangeAction.Create, reason,
            after: DescribeSubscribers(wanted.Subscribers), operation: new CreateNotificationOperation(budget, wanted));

    private static PlannedChange<BudgetOperation> DeleteNotification(string budget, BudgetNotification current, string reason) =>
        new(NotificationTarget(budget, current.Key), NotificationKind, ChangeAction.Delete, reason,
            before: DescribeSubscribers(current.Subscribers), operation: new DeleteNotificationOperation(budget, current.Key));

    private static PlannedChange<BudgetOperation> CreateSubscriber(string budget, BudgetNotificationKey key, BudgetSubscriber subscriber) =>
        new(SubscriberTarget(budget, key, subscriber), SubscriberKind, ChangeAction.Create, "The notification does not send to it.",
            after: subscriber.Address, operation: new CreateSubscriberOperation(budget, key, subscriber));

    private static PlannedChange<BudgetOperation> DeleteSubscriber(string budget, BudgetNotificationKey key, BudgetSubscriber subscriber) =>
        new(SubscriberTarget(budget, key, subscriber), SubscriberKind, ChangeAction.Delete, ExtraReason,
            before: subscriber.Address, operation: new DeleteSubscriberOperation(budget, key, subscriber));

    private static int LimitOf(BudgetSubscriberType type) => type == BudgetSubscriberType.Sns ? BudgetLimits.MaxSnsSubscribers : BudgetLimits.MaxEmailSubscribers;

    private static string Describe(BudgetSubscriberType type) => type == BudgetSubscriberType.Sns ? "SNS topic" : "e-mail";

    private static string DescribeSubscribers(IReadOnlyList<BudgetSubscriber>? subscribers) =>
        subscribers is null ? "subscribers not read" : string.Join(", ", subscribers.Select(s => s.ToString()));
}
