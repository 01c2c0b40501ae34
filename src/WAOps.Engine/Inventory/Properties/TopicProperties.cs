namespace WAOps.Engine.Inventory.Properties;

/// <summary>An SNS topic (sns:topic).</summary>
public sealed class TopicProperties : ResourceProperties
{
    /// <summary>The KMS key that encrypts the topic (alias/aws/sns, a key id or ARN); null when unencrypted.</summary>
    public Fact<string?> KmsMasterKeyId { get; init; }
}
