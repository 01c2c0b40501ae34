using WAOps.Aws.Services.Sns;
using WAOps.Aws.Services.Sns.Model;
using WAOps.Aws.Tests.Support;
using Xunit;

namespace WAOps.Aws.Tests.Services;

/// <summary>SNS over awsQuery against moto: topics, the attribute map (entry/key/value), publishing.</summary>
public sealed class SnsProtocolTests : IClassFixture<MotoFixture>
{
    private readonly MotoServer _moto;
    private readonly SnsClient _client;

    public SnsProtocolTests(MotoFixture fixture)
    {
        fixture.LogName = nameof(SnsProtocolTests);
        _moto = fixture.Server;
        _client = new SnsClient(TestSessions.For(_moto));
    }

    [Fact]
    public async Task TopicsAttributesAndPolicyRoundTrip()
    {
        var arn = ExternalTools.AwsCli(_moto.Endpoint, "us-east-1", "sns", "create-topic", "--name", "waops-alerts")!.Value.GetProperty("TopicArn").GetString()!;

        var topics = new List<string>();
        await foreach (var topic in _client.ListAllTopicArnsAsync())
        {
            topics.Add(topic);
        }

        Assert.Contains(arn, topics);

        var attributes = await _client.GetTopicAttributesAsync(new GetTopicAttributesRequest { TopicArn = arn });
        Assert.Equal(arn, attributes.Attributes["TopicArn"]);
        Assert.Contains("Policy", attributes.Attributes.Keys);

        const string Policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowBudgets\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"budgets.amazonaws.com\"},\"Action\":\"SNS:Publish\",\"Resource\":\"*\"}]}";
        await _client.SetTopicAttributesAsync(new SetTopicAttributesRequest { TopicArn = arn, AttributeName = "Policy", AttributeValue = Policy });
        var cli = ExternalTools.AwsCli(_moto.Endpoint, "us-east-1", "sns", "get-topic-attributes", "--topic-arn", arn)!.Value;
        Assert.Contains("budgets.amazonaws.com", cli.GetProperty("Attributes").GetProperty("Policy").GetString());

        var published = await _client.PublishAsync(new PublishRequest { TopicArn = arn, Subject = "WAOps", Message = "hello" });
        Assert.False(string.IsNullOrEmpty(published.MessageId));
    }
}
