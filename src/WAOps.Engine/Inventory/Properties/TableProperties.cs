namespace WAOps.Engine.Inventory.Properties;

/// <summary>A DynamoDB table (dynamodb:table). Tables are always encrypted; the question is with which key.</summary>
public sealed class TableProperties : ResourceProperties
{
    /// <summary>KMS when the table uses a KMS key (AWS-managed aws/dynamodb or customer-managed); null for the AWS-owned key (the default).</summary>
    public Fact<string?> SseType { get; init; }

    public Fact<string?> KmsKeyArn { get; init; }
}
