using WAOps.Aws.Services.Sns;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Budgets;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Aws.Tests.Services;

/// <summary>Reading and fixing a topic's access policy for AWS Budgets, against moto's SNS.</summary>
public sealed class TopicPolicyGatewayTests : IClassFixture<MotoFixture>
{
    private const string Account = TestCredentials.MotoAccountId;
    private readonly MotoServer _moto;
    private readonly TopicPolicyGateway _gateway;

    public TopicPolicyGatewayTests(MotoFixture fixture)
    {
        fixture.LogName = nameof(TopicPolicyGatewayTests);
        _moto = fixture.Server;
        // The session is in eu-west-1; topics are read and written in their own region.
        _gateway = new TopicPolicyGateway(TestSessions.For(_moto, "eu-west-1", TestSessions.QuickRetries(3)));
    }

    private SnsTopicArn CreateTopic(string name, string region)
    {
        var arn = ExternalTools.AwsCli(_moto.Endpoint, region, "sns", "create-topic", "--name", name)!.Value.GetProperty("TopicArn").GetString();
        Assert.True(SnsTopicArn.TryParse(arn, out var topic));
        return topic!;
    }

    [Fact]
    public async Task ANewTopicDoesNotLetBudgetsPublishUntilTheStatementIsAdded()
    {
        var topic = CreateTopic("waops-budget-alerts", "us-west-2");
        var budget = BudgetArn.For("aws", Account, "Project-checkout");

        var before = await _gateway.ReadAsync(topic, CancellationToken.None);
        Assert.NotNull(before.Policy);
        Assert.Equal(TopicPolicyDecision.NotGranted, BudgetsTopicPolicy.Evaluate(before.Policy, topic.Arn, Account, budget).Decision);

        await _gateway.WritePolicyAsync(topic, BudgetsTopicPolicy.AddBudgetsStatement(before.Policy, topic.Arn, Account), CancellationToken.None);

        var cli = ExternalTools.AwsCli(_moto.Endpoint, "us-west-2", "sns", "get-topic-attributes", "--topic-arn", topic.Arn)!.Value
            .GetProperty("Attributes").GetProperty("Policy").GetString();
        Assert.Equal(TopicPolicyDecision.Allowed, BudgetsTopicPolicy.Evaluate(cli, topic.Arn, Account, budget).Decision);
        Assert.Contains("__default_statement_ID", cli);
        Assert.Contains(BudgetsTopicPolicy.StatementId, cli);
    }

    [Fact]
    public async Task AMissingTopicIsSnsTopicNotFound()
    {
        Assert.True(SnsTopicArn.TryParse($"arn:aws:sns:us-east-1:{Account}:waops-no-such-topic", out var topic));
        var error = await Assert.ThrowsAsync<WAOpsException>(() => _gateway.ReadAsync(topic!, CancellationToken.None));
        Assert.Equal(BudgetErrorIds.SnsTopicNotFound, error.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
    }
}
