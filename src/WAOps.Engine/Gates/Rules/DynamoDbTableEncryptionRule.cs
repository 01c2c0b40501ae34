using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 3: DynamoDB encryption, with a customer-managed KMS key when that is required.</summary>
public sealed class DynamoDbTableEncryptionRule : GateRule<TableProperties>
{
    public override string Id => "dynamodb-table-encryption";

    public override string Title => "DynamoDB tables encrypt with the required key";

    public override string Description =>
        "DynamoDB encrypts every table at rest (with an AWS-owned key by default), so a table is always encrypted. With "
        + "-RequireCustomerManagedKey the table must use SSE type KMS with a customer-managed key.";

    public override string Remediation => "aws dynamodb update-table --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<your key> (SSESpecification in templates).";

    public override QualityGate Gate => QualityGate.Encryption;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.Medium;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Table };

    public override IReadOnlyList<ResourceKind> Reads { get; } = new[] { ResourceKinds.KmsKey };

    protected override RuleVerdict Judge(InventoryResource resource, TableProperties table, RuleContext context)
    {
        if (!context.Options.RequireCustomerManagedKey)
        {
            // DynamoDB encrypts every table: the rule can only fail on the key it uses.
            var seen = table.SseType.TryGet(out var configured)
                ? configured is null ? "encrypted with the AWS-owned key (default)" : $"SSEType={configured}"
                : "DynamoDB encrypts every table at rest";
            return RuleVerdict.Pass($"{seen}; {CustomerKeyVerdicts.SettingHint}");
        }

        if (!table.SseType.TryGet(out var sseType))
        {
            return RuleVerdict.NotKnown(table.SseType, "SSEType");
        }

        var observed = sseType is null ? "encrypted with the AWS-owned key (default)" : $"SSEType={sseType}";

        if (!string.Equals(sseType, "KMS", StringComparison.OrdinalIgnoreCase))
        {
            return RuleVerdict.Fail($"{observed}: SSE type KMS with a customer-managed key is required");
        }

        if (!table.KmsKeyArn.TryGet(out var key))
        {
            return RuleVerdict.NotKnown(table.KmsKeyArn, "KMSMasterKeyArn");
        }

        return CustomerKeyVerdicts.RequireCustomerKey(resource, key ?? "alias/aws/dynamodb", observed, context);
    }
}
