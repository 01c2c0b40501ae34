namespace WAOps.Engine.Budgets;

/// <summary>What WAOps needs to know about an SNS topic before AWS services publish to it: its access policy and KMS key.</summary>
public sealed record TopicPolicyInfo(SnsTopicArn Topic, string? Policy, string? KmsMasterKeyId);
