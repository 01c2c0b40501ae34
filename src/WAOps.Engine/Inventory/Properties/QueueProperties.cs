namespace WAOps.Engine.Inventory.Properties;

/// <summary>An SQS queue (sqs:queue).</summary>
public sealed class QueueProperties : ResourceProperties
{
    /// <summary>SSE with SQS-owned keys (SqsManagedSseEnabled).</summary>
    public Fact<bool> SqsManagedSseEnabled { get; init; }

    /// <summary>SSE-KMS key (an alias such as alias/aws/sqs, a key id or ARN); null when none.</summary>
    public Fact<string?> KmsMasterKeyId { get; init; }
}
