namespace WAOps.Engine.Inventory.Properties;

/// <summary>A KMS key (kms:key) that other resources are encrypted with.</summary>
public sealed class KmsKeyProperties : ResourceProperties
{
    /// <summary>AWS (an AWS-managed key such as aws/s3) or CUSTOMER.</summary>
    public Fact<string> KeyManager { get; init; }
}
