using WAOps.Engine.Text;

namespace WAOps.Engine.Gates.Support;

/// <summary>
/// IAM action patterns: full wildcards ("*", "service:*") and the actions that have no resource-level
/// permissions, which AWS only accepts with Resource "*" (so "*" there is not a finding). Actions compare ignoring
/// case, as IAM does.
/// </summary>
public static class IamActions
{
    /// <summary>
    /// Actions (or action patterns as written in policies) that can only take Resource "*", from the Service
    /// Authorization Reference. A statement whose every action matches one of these is exempt from the
    /// wildcard-resource rule.
    /// </summary>
    public static readonly IReadOnlyList<string> ResourceWildcardOnly = new[]
    {
        "sts:GetCallerIdentity",
        "ec2:Describe*",
        "cloudwatch:PutMetricData",
        "cloudwatch:GetMetricData",
        "cloudwatch:GetMetricStatistics",
        "cloudwatch:ListMetrics",
        "timestream:DescribeEndpoints",
        "s3:ListAllMyBuckets",
        "ecr:GetAuthorizationToken",
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "xray:GetSamplingRules",
        "xray:GetSamplingTargets",
        "tag:GetResources",
        "kms:ListKeys",
        "kms:ListAliases",
        "sqs:ListQueues",
        "sns:ListTopics",
        "lambda:ListFunctions",
        "autoscaling:Describe*",
        "elasticloadbalancing:Describe*",
        "ssm:DescribeParameters",
    };

    private static readonly IReadOnlyList<WildcardPattern> Exempt = ResourceWildcardOnly.Select(a => new WildcardPattern(a, ignoreCase: true)).ToList();

    /// <summary>"*" or "service:*": every action (of every service, or of one).</summary>
    public static bool IsFullWildcard(string action) =>
        action == "*" || (action.EndsWith(":*", StringComparison.Ordinal) && action.IndexOf(':') == action.Length - 2);

    public static bool OnlyTakesWildcardResource(string action) => Exempt.Any(p => p.IsMatch(action));
}
