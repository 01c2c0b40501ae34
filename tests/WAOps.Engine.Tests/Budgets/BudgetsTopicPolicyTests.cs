using System.Text.Json;
using WAOps.Engine.Budgets;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Engine.Tests.Budgets;

public sealed class BudgetsTopicPolicyTests
{
    private const string Account = "123456789012";
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:budget-alerts";
    private static readonly string Budget = BudgetArn.For("aws", Account, "Project-checkout");

    private static TopicPolicyVerdict Evaluate(string policy) => BudgetsTopicPolicy.Evaluate(policy, Topic, Account, Budget);

    private static string Policy(params string[] statements) => $"{{\"Version\":\"2012-10-17\",\"Statement\":[{string.Join(",", statements)}]}}";

    // The default policy SNS gives a new topic: the account's own principals, limited by AWS:SourceOwner.
    private const string DefaultStatement =
        "{\"Sid\":\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"SNS:GetTopicAttributes\",\"SNS:Publish\",\"SNS:Subscribe\"],"
        + "\"Resource\":\"" + Topic + "\",\"Condition\":{\"StringEquals\":{\"AWS:SourceOwner\":\"123456789012\"}}}";

    [Fact]
    public void TheDefaultTopicPolicyDoesNotLetBudgetsPublish()
    {
        var verdict = Evaluate(Policy(DefaultStatement));
        Assert.Equal(TopicPolicyDecision.NotGranted, verdict.Decision);
        Assert.Contains("__default_statement_ID", Assert.Single(verdict.Notes));
    }

    [Fact]
    public void TheStatementAwsDocumentsLetsBudgetsPublish()
    {
        var fixedPolicy = BudgetsTopicPolicy.AddBudgetsStatement(Policy(DefaultStatement), Topic, Account);

        var verdict = Evaluate(fixedPolicy);
        Assert.Equal(TopicPolicyDecision.Allowed, verdict.Decision);
        Assert.Equal(BudgetsTopicPolicy.StatementId, verdict.StatementId);

        using var document = JsonDocument.Parse(fixedPolicy);
        var statements = document.RootElement.GetProperty("Statement").EnumerateArray().ToArray();
        Assert.Equal("__default_statement_ID", statements[0].GetProperty("Sid").GetString());
        var added = statements[1];
        Assert.Equal("budgets.amazonaws.com", added.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("SNS:Publish", added.GetProperty("Action").GetString());
        Assert.Equal(Topic, added.GetProperty("Resource").GetString());
        Assert.Equal(Account, added.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
        Assert.Equal("arn:aws:budgets::123456789012:*", added.GetProperty("Condition").GetProperty("ArnLike").GetProperty("aws:SourceArn").GetString());
    }

    [Fact]
    public void AddingTwiceKeepsOneStatement()
    {
        var once = BudgetsTopicPolicy.AddBudgetsStatement(null, Topic, Account);
        var twice = BudgetsTopicPolicy.AddBudgetsStatement(once, Topic, Account);
        Assert.Equal(once, twice);
        using var document = JsonDocument.Parse(twice);
        Assert.Equal(1, document.RootElement.GetProperty("Statement").GetArrayLength());
        Assert.Equal("2012-10-17", document.RootElement.GetProperty("Version").GetString());
    }

    [Fact]
    public void ASingleStatementObjectIsKeptWhenOneIsAdded()
    {
        var policy = "{\"Version\":\"2012-10-17\",\"Statement\":" + DefaultStatement + "}";
        using var document = JsonDocument.Parse(BudgetsTopicPolicy.AddBudgetsStatement(policy, Topic, Account));
        Assert.Equal(2, document.RootElement.GetProperty("Statement").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"budgets.amazonaws.com\"},\"Action\":\"SNS:Publish\",\"Resource\":\"*\"}")]
    [InlineData("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"events.amazonaws.com\",\"budgets.amazonaws.com\"]},\"Action\":\"sns:*\",\"Resource\":\"" + Topic + "\"}")]
    [InlineData("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"arn:aws:sns:us-east-1:123456789012:*\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}}")]
    [InlineData("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"budgets.amazonaws.com\"},\"Action\":\"SNS:Publish\",\"Resource\":\"" + Topic + "\",\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:budgets::123456789012:budget/Project-*\"}}}")]
    [InlineData("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"budgets.amazonaws.com\"},\"NotAction\":\"sns:Subscribe\",\"Resource\":\"" + Topic + "\"}")]
    public void StatementsThatGrantBudgetsAreRecognised(string statement)
    {
        Assert.Equal(TopicPolicyDecision.Allowed, Evaluate(Policy(statement)).Decision);
    }

    [Theory]
    [InlineData("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},\"Action\":\"SNS:Publish\",\"Resource\":\"*\"}")]
    [InlineData("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"budgets.amazonaws.com\"},\"Action\":\"SNS:Subscribe\",\"Resource\":\"*\"}")]
    [InlineData("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"budgets.amazonaws.com\"},\"Action\":\"SNS:Publish\",\"Resource\":\"arn:aws:sns:us-east-1:123456789012:other\"}")]
    [InlineData("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"budgets.amazonaws.com\"},\"Action\":\"SNS:Publish\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"999999999999\"}}}")]
    [InlineData("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"budgets.amazonaws.com\"},\"Action\":\"SNS:Publish\",\"Resource\":\"*\",\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:budgets::123456789012:budget/Team-*\"}}}")]
    [InlineData("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"SNS:Publish\",\"Resource\":\"*\"}")]
    public void StatementsThatDoNotGrantBudgetsAreNotCounted(string statement)
    {
        var verdict = Evaluate(Policy(statement));
        Assert.Equal(TopicPolicyDecision.NotGranted, verdict.Decision);
        Assert.Empty(verdict.Notes);
    }

    [Fact]
    public void ADenyWinsOverAnAllow()
    {
        var allow = "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"budgets.amazonaws.com\"},\"Action\":\"SNS:Publish\",\"Resource\":\"*\"}";
        var deny = "{\"Sid\":\"NoServices\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"SNS:Publish\",\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:SourceAccount\":\"999999999999\"}}}";
        var verdict = Evaluate(Policy(allow, deny));
        Assert.Equal(TopicPolicyDecision.Denied, verdict.Decision);
        Assert.Equal("NoServices", verdict.StatementId);
        Assert.Equal(TopicPolicyDecision.Denied, Evaluate(BudgetsTopicPolicy.AddBudgetsStatement(Policy(deny), Topic, Account)).Decision);
    }

    [Fact]
    public void AnEmptyPolicyGrantsNothing()
    {
        Assert.Equal(TopicPolicyDecision.NotGranted, BudgetsTopicPolicy.Evaluate(null, Topic, Account, Budget).Decision);
        Assert.Equal(TopicPolicyDecision.NotGranted, Evaluate("{\"Version\":\"2012-10-17\"}").Decision);
    }

    [Fact]
    public void AnUnreadablePolicyIsInvalidData()
    {
        var error = Assert.Throws<WAOpsException>(() => Evaluate("{not json"));
        Assert.Equal(BudgetErrorIds.InvalidTopicPolicy, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
    }
}
