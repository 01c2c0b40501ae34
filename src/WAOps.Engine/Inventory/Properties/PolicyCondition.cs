namespace WAOps.Engine.Inventory.Properties;

/// <summary>One condition of a policy statement: operator (Bool, NumericLessThan, ...), key (aws:SecureTransport) and values.</summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values)
{
    public override string ToString() => $"{Operator} {Key} = [{string.Join(", ", Values)}]";
}
