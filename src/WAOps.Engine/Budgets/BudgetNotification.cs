using WAOps.Engine.Budgets;

namespace WAOps;

/// <summary>
/// A budget notification (an alert) with its subscribers: wanted (in a <see cref="BudgetSpec"/>) or as AWS has
/// it (in a <see cref="BudgetState"/>, with its <see cref="State"/>).
/// </summary>
public sealed class BudgetNotification
{
    public BudgetNotification(BudgetNotificationKey key, IReadOnlyList<BudgetSubscriber>? subscribers, string? state = null)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        // A read-only collection rather than an array: in PowerShell, $n.Subscribers.Address on an array calls
        // Array.Address() instead of listing each subscriber's address.
        Subscribers = subscribers is null ? null : subscribers.ToList().AsReadOnly();
        State = state;
    }

    public BudgetNotificationKey Key { get; }

    public BudgetNotificationType NotificationType => Key.Type;

    public BudgetComparison ComparisonOperator => Key.Comparison;

    public double Threshold => Key.Threshold;

    public BudgetThresholdType ThresholdType => Key.ThresholdType;

    /// <summary>OK or ALARM as AWS reports it; null for a wanted notification.</summary>
    public string? State { get; }

    /// <summary>The subscribers; null when they were not read (Get-WABudget -NoSubscriber).</summary>
    public IReadOnlyList<BudgetSubscriber>? Subscribers { get; }

    public BudgetNotification WithSubscribers(IReadOnlyList<BudgetSubscriber>? subscribers) => new(Key, subscribers, State);

    public override string ToString() => Key.ToString();
}
