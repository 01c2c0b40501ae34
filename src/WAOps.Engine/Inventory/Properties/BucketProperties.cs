namespace WAOps.Engine.Inventory.Properties;

/// <summary>
/// An S3 bucket (s3:bucket). Since 2023-01-05 S3 encrypts every new object (SSE-S3) whatever the bucket says, so
/// "encrypted" alone is always true; what varies is the algorithm and key of the default encryption rule.
/// </summary>
public sealed class BucketProperties : ResourceProperties
{
    /// <summary>The default encryption rule's algorithm: AES256 (SSE-S3), aws:kms, aws:kms:dsse; null when the bucket has no rule (SSE-S3 applies).</summary>
    public Fact<string?> EncryptionAlgorithm { get; init; }

    /// <summary>The KMS key of an aws:kms rule; null for SSE-S3 or the AWS-managed key aws/s3.</summary>
    public Fact<string?> KmsKeyId { get; init; }

    /// <summary>The bucket policy; null when the bucket has none.</summary>
    public Fact<PolicyDocument?> Policy { get; init; }
}
