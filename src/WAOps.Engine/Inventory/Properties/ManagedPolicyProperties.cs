namespace WAOps.Engine.Inventory.Properties;

/// <summary>A customer-managed IAM policy (iam:policy): its default version's document.</summary>
public sealed class ManagedPolicyProperties : ResourceProperties
{
    public Fact<PolicyDocument> Document { get; init; }

    public Fact<int> AttachmentCount { get; init; }
}
