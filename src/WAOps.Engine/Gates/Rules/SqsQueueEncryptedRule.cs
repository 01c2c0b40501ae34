using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 3: an SQS queue uses server-side encryption (SQS-managed or KMS; a customer-managed key when required).</summary>
public sealed class SqsQueueEncryptedRule : GateRule<QueueProperties>
{
    public override string Id => "sqs-queue-encrypted";

    public override string Title => "SQS queues use server-side encryption";

    public override string Description => "A queue must encrypt messages at rest: SSE-SQS (SqsManagedSseEnabled) or SSE-KMS (KmsMasterKeyId). With -RequireCustomerManagedKey only SSE-KMS with a customer-managed key passes.";

    public override string Remediation => "aws sqs set-queue-attributes --attributes SqsManagedSseEnabled=true, or KmsMasterKeyId=<key> for SSE-KMS.";

    public override QualityGate Gate => QualityGate.Encryption;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.Medium;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Queue };

    public override IReadOnlyList<ResourceKind> Reads { get; } = new[] { ResourceKinds.KmsKey };

    protected override RuleVerdict Judge(InventoryResource resource, QueueProperties queue, RuleContext context)
    {
        if (!queue.KmsMasterKeyId.TryGet(out var key))
        {
            return RuleVerdict.NotKnown(queue.KmsMasterKeyId, "KmsMasterKeyId");
        }

        if (!queue.SqsManagedSseEnabled.TryGet(out var sqsManaged))
        {
            return RuleVerdict.NotKnown(queue.SqsManagedSseEnabled, "SqsManagedSseEnabled");
        }

        var observed = key is not null ? $"KmsMasterKeyId={key}" : $"SqsManagedSseEnabled={(sqsManaged ? "true" : "false")}";
        if (context.Options.RequireCustomerManagedKey)
        {
            return CustomerKeyVerdicts.RequireCustomerKey(resource, key, observed, context);
        }

        return key is not null || sqsManaged ? RuleVerdict.Pass(observed) : RuleVerdict.Fail($"{observed}, no KmsMasterKeyId: messages are stored unencrypted", null, queue.SqsManagedSseEnabled.Location);
    }
}
