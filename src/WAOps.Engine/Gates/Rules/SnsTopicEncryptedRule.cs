using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 3: an SNS topic is encrypted with KMS (a customer-managed key when required).</summary>
public sealed class SnsTopicEncryptedRule : GateRule<TopicProperties>
{
    public override string Id => "sns-topic-encrypted";

    public override string Title => "SNS topics are encrypted with KMS";

    public override string Description => "A topic stores messages until delivered; it must have a KmsMasterKeyId (alias/aws/sns or your own key). With -RequireCustomerManagedKey the key must be customer-managed.";

    public override string Remediation => "aws sns set-topic-attributes --attribute-name KmsMasterKeyId --attribute-value <key>; publishers and the services that publish (CloudWatch, Budgets) need kms:GenerateDataKey and kms:Decrypt on it.";

    public override QualityGate Gate => QualityGate.Encryption;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.Medium;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Topic };

    public override IReadOnlyList<ResourceKind> Reads { get; } = new[] { ResourceKinds.KmsKey };

    protected override RuleVerdict Judge(InventoryResource resource, TopicProperties topic, RuleContext context)
    {
        if (!topic.KmsMasterKeyId.TryGet(out var key))
        {
            return RuleVerdict.NotKnown(topic.KmsMasterKeyId, "KmsMasterKeyId");
        }

        if (context.Options.RequireCustomerManagedKey)
        {
            return CustomerKeyVerdicts.RequireCustomerKey(resource, key, key is null ? "no KmsMasterKeyId" : $"KmsMasterKeyId={key}", context);
        }

        return key is null ? RuleVerdict.Fail("no KmsMasterKeyId: the topic is not encrypted", null, topic.KmsMasterKeyId.Location) : RuleVerdict.Pass($"KmsMasterKeyId={key}");
    }
}
