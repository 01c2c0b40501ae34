using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using WAOps.Engine.Text;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 3: a bucket policy denies requests that do not use TLS.</summary>
public sealed class S3BucketSecureTransportRule : GateRule<BucketProperties>
{
    public override string Id => "s3-bucket-secure-transport";

    public override string Title => "S3 bucket policies deny insecure transport";

    public override string Description =>
        "S3 accepts plain HTTP unless the bucket policy refuses it: a Deny for every principal, on s3:* (or *), on the bucket and its objects, "
        + "when aws:SecureTransport is false (or when s3:TlsVersion is below 1.2).";

    public override string Remediation =>
        "Add to the bucket policy: {\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
        + "\"Resource\":[\"arn:aws:s3:::<bucket>\",\"arn:aws:s3:::<bucket>/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}";

    public override QualityGate Gate => QualityGate.Encryption;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.Medium;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Bucket };

    protected override RuleVerdict Judge(InventoryResource resource, BucketProperties bucket, RuleContext context)
    {
        if (!bucket.Policy.TryGet(out var policy))
        {
            return RuleVerdict.NotKnown(bucket.Policy, "bucket policy");
        }

        if (policy is null)
        {
            return RuleVerdict.Fail("no bucket policy, so requests over plain HTTP are accepted");
        }

        var bucketArn = resource.Arn;
        var objectArn = bucketArn + "/any-object";
        var shortfalls = new List<string>();
        foreach (var statement in policy.Statements.Where(s => s.IsDeny))
        {
            var condition = statement.Conditions.FirstOrDefault(IsInsecureTransportCondition);
            if (condition is null)
            {
                continue;
            }

            var missing = new List<string>();
            if (!statement.Principals.Contains("*"))
            {
                missing.Add($"principal is {(statement.Principals.Count == 0 ? "none" : string.Join(", ", statement.Principals))}, not *");
            }

            if (!statement.Actions.TryGet(out var actions))
            {
                return RuleVerdict.NotKnown(statement.Actions, "Action", statement.Describe());
            }

            if (!actions.Any(a => a == "*" || string.Equals(a, "s3:*", StringComparison.OrdinalIgnoreCase)))
            {
                missing.Add($"actions are {string.Join(", ", actions)}, not s3:*");
            }

            if (!statement.Resources.TryGet(out var resources))
            {
                return RuleVerdict.NotKnown(statement.Resources, "Resource", statement.Describe());
            }

            var patterns = resources.Select(r => new WildcardPattern(r)).ToList();
            if (!patterns.Any(p => p.IsMatch(bucketArn)))
            {
                missing.Add("the bucket itself is not covered");
            }

            if (!patterns.Any(p => p.IsMatch(objectArn)))
            {
                missing.Add("its objects are not covered");
            }

            if (missing.Count == 0)
            {
                return RuleVerdict.Pass($"{statement.Describe()} denies s3:* when {condition}", statement.Describe());
            }

            shortfalls.Add($"{statement.Describe()} denies on {condition} but {string.Join(", ", missing)}");
        }

        return RuleVerdict.Fail(shortfalls.Count == 0
            ? "the bucket policy has no Deny on aws:SecureTransport=false (or s3:TlsVersion < 1.2)"
            : string.Join("; ", shortfalls));
    }

    private static bool IsInsecureTransportCondition(PolicyCondition condition)
    {
        var op = condition.Operator;
        if ((op == "Bool" || op == "BoolIfExists") && string.Equals(condition.Key, "aws:SecureTransport", StringComparison.OrdinalIgnoreCase))
        {
            return condition.Values.Any(v => string.Equals(v, "false", StringComparison.OrdinalIgnoreCase));
        }

        if (op.StartsWith("NumericLessThan", StringComparison.Ordinal) && string.Equals(condition.Key, "s3:TlsVersion", StringComparison.OrdinalIgnoreCase))
        {
            return condition.Values.Any(v => decimal.TryParse(v, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var version) && version >= 1.2m);
        }

        return false;
    }
}
