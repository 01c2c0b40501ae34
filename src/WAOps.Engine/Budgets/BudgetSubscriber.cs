namespace WAOps.Engine.Budgets;

/// <summary>
/// Who a notification goes to: an e-mail address or an SNS topic ARN. E-mail addresses compare without regard
/// to case (AWS delivers Ops@Example.com and ops@example.com to the same mailbox, so changing the case is not a
/// change); topic ARNs compare exactly.
/// </summary>
public sealed class BudgetSubscriber : IEquatable<BudgetSubscriber>
{
    public BudgetSubscriber(BudgetSubscriberType type, string address)
    {
        Type = type;
        Address = address ?? throw new ArgumentNullException(nameof(address));
    }

    public BudgetSubscriberType Type { get; }

    public string Address { get; }

    public static BudgetSubscriber Email(string address) => new(BudgetSubscriberType.Email, address);

    public static BudgetSubscriber Sns(string topicArn) => new(BudgetSubscriberType.Sns, topicArn);

    public bool Equals(BudgetSubscriber? other) =>
        other is not null && other.Type == Type && string.Equals(other.Address, Address, Comparison(Type));

    public override bool Equals(object? obj) => Equals(obj as BudgetSubscriber);

    public override int GetHashCode() => HashCode.Combine(Type, Type == BudgetSubscriberType.Email ? Address.ToUpperInvariant() : Address);

    /// <summary>"Email ops@example.com", "Sns arn:aws:sns:...".</summary>
    public override string ToString() => $"{Type} {Address}";

    private static StringComparison Comparison(BudgetSubscriberType type) =>
        type == BudgetSubscriberType.Email ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
