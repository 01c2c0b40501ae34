using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 3: S3 default encryption, with a customer-managed KMS key when that is required.</summary>
public sealed class S3BucketEncryptionRule : GateRule<BucketProperties>
{
    public override string Id => "s3-bucket-encryption";

    public override string Title => "S3 buckets encrypt with the required key";

    public override string Description =>
        "Since 2023-01-05 S3 encrypts every new object with SSE-S3 whatever the bucket says, so a bucket is always encrypted. With "
        + "-RequireCustomerManagedKey the bucket's default encryption must be SSE-KMS (aws:kms or aws:kms:dsse) with a customer-managed key.";

    public override string Remediation => "aws s3api put-bucket-encryption with SSEAlgorithm aws:kms and your KMSMasterKeyID (BucketKeyEnabled true keeps KMS costs down); re-copy existing objects to re-encrypt them.";

    public override QualityGate Gate => QualityGate.Encryption;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.Medium;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Bucket };

    public override IReadOnlyList<ResourceKind> Reads { get; } = new[] { ResourceKinds.KmsKey };

    protected override RuleVerdict Judge(InventoryResource resource, BucketProperties bucket, RuleContext context)
    {
        if (!context.Options.RequireCustomerManagedKey)
        {
            // S3 encrypts every new object whatever the bucket says: the rule can only fail on the key it uses.
            var seen = bucket.EncryptionAlgorithm.TryGet(out var configured)
                ? configured is null ? "no default encryption rule (SSE-S3 applies)" : $"SSEAlgorithm={configured}"
                : "S3 encrypts every new object (SSE-S3 at least)";
            return RuleVerdict.Pass($"{seen}; {CustomerKeyVerdicts.SettingHint}");
        }

        if (!bucket.EncryptionAlgorithm.TryGet(out var algorithm))
        {
            return RuleVerdict.NotKnown(bucket.EncryptionAlgorithm, "default encryption");
        }

        var observed = algorithm is null ? "no default encryption rule (SSE-S3 applies)" : $"SSEAlgorithm={algorithm}";

        if (algorithm is null || !algorithm.StartsWith("aws:kms", StringComparison.Ordinal))
        {
            return RuleVerdict.Fail($"{observed}: SSE-KMS with a customer-managed key is required");
        }

        if (!bucket.KmsKeyId.TryGet(out var key))
        {
            return RuleVerdict.NotKnown(bucket.KmsKeyId, "KMSMasterKeyID");
        }

        return CustomerKeyVerdicts.RequireCustomerKey(resource, key ?? "alias/aws/s3", observed, context);
    }
}
