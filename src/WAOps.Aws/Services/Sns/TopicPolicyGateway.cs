using WAOps.Aws.Protocol;
using WAOps.Aws.Services.Sns.Model;
using WAOps.Aws.Session;
using WAOps.Engine.Budgets;
using WAOps.Engine.Errors;

namespace WAOps.Aws.Services.Sns;

/// <summary>
/// Reads and writes an SNS topic's access policy, in the topic's own region (whatever region the session is in).
/// </summary>
public sealed class TopicPolicyGateway : ITopicPolicySource
{
    private readonly AwsSession _session;

    public TopicPolicyGateway(AwsSession session) => _session = session;

    public async Task<TopicPolicyInfo> ReadAsync(SnsTopicArn topic, CancellationToken cancellationToken)
    {
        try
        {
            var response = await ClientFor(topic).GetTopicAttributesAsync(new GetTopicAttributesRequest { TopicArn = topic.Arn }, cancellationToken).ConfigureAwait(false);
            response.Attributes.TryGetValue("Policy", out var policy);
            response.Attributes.TryGetValue("KmsMasterKeyId", out var key);
            return new TopicPolicyInfo(topic, policy, string.IsNullOrEmpty(key) ? null : key);
        }
        catch (AwsServiceException ex) when (ex.IsNotFound)
        {
            throw new WAOpsException(BudgetErrorIds.SnsTopicNotFound, ErrorKind.ObjectNotFound,
                $"The SNS topic {topic.Arn} does not exist ({ex.ErrorCode}).", topic.Arn, ex)
            { RecommendedAction = "Create the topic first, or give the ARN of an existing one." };
        }
    }

    public Task WritePolicyAsync(SnsTopicArn topic, string policy, CancellationToken cancellationToken) =>
        ClientFor(topic).SetTopicAttributesAsync(new SetTopicAttributesRequest { TopicArn = topic.Arn, AttributeName = "Policy", AttributeValue = policy }, cancellationToken);

    private SnsClient ClientFor(SnsTopicArn topic) => new(_session.WithRegion(topic.Region));
}
