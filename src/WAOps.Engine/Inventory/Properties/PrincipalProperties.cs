namespace WAOps.Engine.Inventory.Properties;

/// <summary>An IAM role, user or group (iam:role, iam:user, iam:group): its inline policies and attached managed policies.</summary>
public sealed class PrincipalProperties : ResourceProperties
{
    public Fact<IReadOnlyList<NamedPolicy>> InlinePolicies { get; init; }

    /// <summary>ARNs of the managed policies attached to it (customer-managed ones are inventory resources of their own).</summary>
    public Fact<IReadOnlyList<string>> AttachedPolicyArns { get; init; }
}
