namespace WAOps.Engine.Budgets;

/// <summary>Reads an SNS topic's access policy and KMS key (in the topic's own region).</summary>
public interface ITopicPolicySource
{
    Task<TopicPolicyInfo> ReadAsync(SnsTopicArn topic, CancellationToken cancellationToken);
}
