using System.Text.Json;
using System.Text.Json.Nodes;
using WAOps.Aws.Services.Budgets;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Budgets;
using WAOps.Engine.Errors;
using WAOps.Engine.Planning;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

/// <summary>
/// moto 5.2.1 lacks UpdateBudget, CreateSubscriber, DeleteSubscriber and DescribeSubscribersForNotification. For
/// those (and for the notification calls too) the request the budget gateway sends for a planned change is
/// captured and compared, member for member, with the request the AWS CLI sends for the same operation and inputs.
/// The capturing endpoint answers every request with one fixed body shaped as botocore documents the responses.
/// </summary>
public sealed class BudgetWireFormTests
{
    private const string Account = "123456789012";
    private const string Budget = "wire";
    private const string NotificationShorthand = "NotificationType=FORECASTED,ComparisonOperator=GREATER_THAN,Threshold=80,ThresholdType=PERCENTAGE";
    private static readonly BudgetNotificationKey Forecast80 = BudgetNotificationKey.Percent(BudgetNotificationType.Forecasted, 80);
    private static readonly BudgetSubscriber Finance = BudgetSubscriber.Email("finance@example.com");

    // What DescribeBudget, DescribeNotificationsForBudget and DescribeSubscribersForNotification answer on AWS;
    // each response type reads its own members from it.
    private const string DescribeAnswer = """
        {
          "Budget": {
            "BudgetName": "wire",
            "BudgetLimit": { "Amount": "100.0", "Unit": "USD" },
            "CostFilters": { "TagKeyValue": ["user:Project$wire"] },
            "CostTypes": { "IncludeTax": true, "IncludeSubscription": true, "UseBlended": false, "IncludeRefund": false, "IncludeCredit": false,
                           "IncludeUpfront": true, "IncludeRecurring": true, "IncludeOtherSubscription": true, "IncludeSupport": true,
                           "IncludeDiscount": true, "UseAmortized": false },
            "TimeUnit": "MONTHLY",
            "TimePeriod": { "Start": 1700000000, "End": 3706473600 },
            "CalculatedSpend": { "ActualSpend": { "Amount": "12.5", "Unit": "USD" }, "ForecastedSpend": { "Amount": "80.0", "Unit": "USD" } },
            "BudgetType": "COST",
            "LastUpdatedTime": 1700000123.5
          },
          "Notifications": [
            { "NotificationType": "FORECASTED", "ComparisonOperator": "GREATER_THAN", "Threshold": 80.0, "ThresholdType": "PERCENTAGE", "NotificationState": "ALARM" }
          ],
          "Subscribers": [
            { "SubscriptionType": "EMAIL", "Address": "ops@example.com" },
            { "SubscriptionType": "SNS", "Address": "arn:aws:sns:us-east-1:123456789012:alerts" }
          ]
        }
        """;

    private static BudgetGateway Gateway(CapturingEndpoint endpoint) =>
        new(new BudgetsClient(TestSessions.For(endpoint.Endpoint, "eu-west-1", TestSessions.QuickRetries(3))), Account, "aws");

    private static CapturedRequest CaptureCli(CapturingEndpoint endpoint, params string[] arguments)
    {
        try
        {
            ExternalTools.AwsCli(endpoint.Endpoint, "us-east-1", arguments);
        }
        catch (InvalidOperationException)
        {
            // The canned answer may not parse as this operation's output; only the request matters here.
        }

        Assert.True(endpoint.Requests.TryDequeue(out var request));
        Assert.True(endpoint.Requests.IsEmpty);
        return request!;
    }

    private static void AssertSameRequest(CapturedRequest cli, CapturedRequest waops)
    {
        Assert.Equal(cli.Header("x-amz-target"), waops.Header("x-amz-target"));
        Assert.Equal(cli.Header("content-type"), waops.Header("content-type"));
        Assert.Equal(cli.Method, waops.Method);
        Assert.Equal(cli.PathAndQuery, waops.PathAndQuery);
        var expected = Normalize(JsonNode.Parse(cli.BodyText));
        var actual = Normalize(JsonNode.Parse(waops.BodyText));
        Assert.True(JsonNode.DeepEquals(expected, actual), $"AWS CLI: {cli.BodyText}\nWAOps:   {waops.BodyText}");
        Assert.Contains("/us-east-1/budgets/aws4_request", waops.Header("authorization"));
    }

    // Numbers are compared by value (80 and 80.0 are the same member value).
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Normalize).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(v.GetValue<double>()),
        null => null,
        _ => node.DeepClone(),
    };

    private static PlannedChange<BudgetOperation> Change(ChangeAction action, BudgetOperation operation) => new("wire", "Test", action, "wire form", operation: operation);

    private static BudgetSpec Spec(string amount, BudgetTimeUnit timeUnit = BudgetTimeUnit.Monthly, string? project = "wire") => BudgetValidator.Validate(new BudgetRequest
    {
        Name = Budget,
        Amount = amount,
        TimeUnit = timeUnit,
        Project = project,
        Emails = new[] { "ops@example.com" },
    });

    private static async Task<CapturedRequest> WaopsAsync(CapturingEndpoint endpoint, PlannedChange<BudgetOperation> change, string operation)
    {
        await Gateway(endpoint).ApplyAsync(change, CancellationToken.None);
        var requests = endpoint.Requests.ToArray();
        endpoint.Requests.Clear();
        return Assert.Single(requests, r => r.Header("x-amz-target") == "AWSBudgetServiceGateway." + operation);
    }

    [Fact]
    public async Task UpdateBudgetChangesTheLimitAndKeepsTheRestAsTheAwsCliWouldSendIt()
    {
        using var endpoint = new CapturingEndpoint(body: DescribeAnswer);
        var update = new UpdateBudgetOperation(Spec("250.75"), TimeUnitChanged: false);
        var waops = await WaopsAsync(endpoint, Change(ChangeAction.Update, update), "UpdateBudget");

        var cli = CaptureCli(endpoint, "budgets", "update-budget", "--account-id", Account, "--new-budget", """
            {"BudgetName":"wire","BudgetLimit":{"Amount":"250.75","Unit":"USD"},"CostFilters":{"TagKeyValue":["user:Project$wire"]},
             "CostTypes":{"IncludeTax":true,"IncludeSubscription":true,"UseBlended":false,"IncludeRefund":false,"IncludeCredit":false,
                          "IncludeUpfront":true,"IncludeRecurring":true,"IncludeOtherSubscription":true,"IncludeSupport":true,
                          "IncludeDiscount":true,"UseAmortized":false},
             "TimeUnit":"MONTHLY","TimePeriod":{"Start":1700000000,"End":3706473600},"BudgetType":"COST"}
            """);
        AssertSameRequest(cli, waops);
    }

    [Fact]
    public async Task UpdateBudgetToAnotherTimeUnitLeavesThePeriodToAwsAndDropsRemovedFilters()
    {
        using var endpoint = new CapturingEndpoint(body: DescribeAnswer);
        var update = new UpdateBudgetOperation(Spec("100", BudgetTimeUnit.Quarterly, project: null), TimeUnitChanged: true);
        var waops = await WaopsAsync(endpoint, Change(ChangeAction.Update, update), "UpdateBudget");

        var cli = CaptureCli(endpoint, "budgets", "update-budget", "--account-id", Account, "--new-budget", """
            {"BudgetName":"wire","BudgetLimit":{"Amount":"100","Unit":"USD"},
             "CostTypes":{"IncludeTax":true,"IncludeSubscription":true,"UseBlended":false,"IncludeRefund":false,"IncludeCredit":false,
                          "IncludeUpfront":true,"IncludeRecurring":true,"IncludeOtherSubscription":true,"IncludeSupport":true,
                          "IncludeDiscount":true,"UseAmortized":false},
             "TimeUnit":"QUARTERLY","BudgetType":"COST"}
            """);
        AssertSameRequest(cli, waops);
    }

    [Fact]
    public async Task CreateSubscriberMatchesTheAwsCli()
    {
        using var endpoint = new CapturingEndpoint();
        var waops = await WaopsAsync(endpoint, Change(ChangeAction.Create, new CreateSubscriberOperation(Budget, Forecast80, Finance)), "CreateSubscriber");
        var cli = CaptureCli(endpoint, "budgets", "create-subscriber", "--account-id", Account, "--budget-name", Budget,
            "--notification", NotificationShorthand, "--subscriber", "SubscriptionType=EMAIL,Address=finance@example.com");
        AssertSameRequest(cli, waops);
    }

    [Fact]
    public async Task DeleteSubscriberMatchesTheAwsCli()
    {
        using var endpoint = new CapturingEndpoint();
        var topic = BudgetSubscriber.Sns("arn:aws:sns:us-east-1:123456789012:alerts");
        var waops = await WaopsAsync(endpoint, Change(ChangeAction.Delete, new DeleteSubscriberOperation(Budget, Forecast80, topic)), "DeleteSubscriber");
        var cli = CaptureCli(endpoint, "budgets", "delete-subscriber", "--account-id", Account, "--budget-name", Budget,
            "--notification", NotificationShorthand, "--subscriber", "SubscriptionType=SNS,Address=arn:aws:sns:us-east-1:123456789012:alerts");
        AssertSameRequest(cli, waops);
    }

    [Fact]
    public async Task CreateNotificationMatchesTheAwsCli()
    {
        using var endpoint = new CapturingEndpoint();
        var notification = new BudgetNotification(Forecast80, new[] { BudgetSubscriber.Email("ops@example.com"), Finance });
        var waops = await WaopsAsync(endpoint, Change(ChangeAction.Create, new CreateNotificationOperation(Budget, notification)), "CreateNotification");
        var cli = CaptureCli(endpoint, "budgets", "create-notification", "--account-id", Account, "--budget-name", Budget,
            "--notification", NotificationShorthand, "--subscribers", "SubscriptionType=EMAIL,Address=ops@example.com", "SubscriptionType=EMAIL,Address=finance@example.com");
        AssertSameRequest(cli, waops);
    }

    [Fact]
    public async Task DeleteNotificationMatchesTheAwsCli()
    {
        using var endpoint = new CapturingEndpoint();
        var waops = await WaopsAsync(endpoint, Change(ChangeAction.Delete, new DeleteNotificationOperation(Budget, Forecast80)), "DeleteNotification");
        var cli = CaptureCli(endpoint, "budgets", "delete-notification", "--account-id", Account, "--budget-name", Budget, "--notification", NotificationShorthand);
        AssertSameRequest(cli, waops);
    }

    [Fact]
    public async Task ReadingABudgetSendsWhatTheAwsCliSendsAndReadsTheDocumentedAnswers()
    {
        using var endpoint = new CapturingEndpoint(body: DescribeAnswer);
        var state = (await Gateway(endpoint).ReadAsync(Budget, includeSubscribers: true, CancellationToken.None))!;
        var requests = endpoint.Requests.ToArray();
        endpoint.Requests.Clear();
        Assert.Equal(
            new[] { "DescribeBudget", "DescribeNotificationsForBudget", "DescribeSubscribersForNotification" },
            requests.Select(r => r.Header("x-amz-target")!.Split('.')[1]));

        AssertSameRequest(CaptureCli(endpoint, "budgets", "describe-budget", "--account-id", Account, "--budget-name", Budget), requests[0]);
        AssertSameRequest(CaptureCli(endpoint, "budgets", "describe-notifications-for-budget", "--account-id", Account, "--budget-name", Budget,
            "--max-results", "100", "--no-paginate"), requests[1]);
        AssertSameRequest(CaptureCli(endpoint, "budgets", "describe-subscribers-for-notification", "--account-id", Account, "--budget-name", Budget,
            "--notification", NotificationShorthand, "--max-results", "100", "--no-paginate"), requests[2]);

        Assert.Equal(100.0m, state.Amount);
        Assert.Equal(12.5m, state.ActualSpend);
        Assert.Equal(80.0m, state.ForecastedSpend);
        Assert.Equal("wire", state.Project);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc), state.PeriodStart);
        var notification = Assert.Single(state.Notifications);
        Assert.Equal(Forecast80, notification.Key);
        Assert.Equal("ALARM", notification.State);
        Assert.Equal(new[] { BudgetSubscriber.Email("ops@example.com"), BudgetSubscriber.Sns("arn:aws:sns:us-east-1:123456789012:alerts") }, notification.Subscribers);
    }

    [Theory]
    [InlineData("DeleteNotification")]
    [InlineData("DeleteSubscriber")]
    public async Task DeletingWhatIsAlreadyGoneCountsAsDone(string operation)
    {
        using var endpoint = new CapturingEndpoint(status: 400, body: "{\"__type\":\"NotFoundException\",\"Message\":\"Unable to delete - it doesn't exist.\"}");
        BudgetOperation detail = operation == "DeleteNotification"
            ? new DeleteNotificationOperation(Budget, Forecast80)
            : new DeleteSubscriberOperation(Budget, Forecast80, Finance);

        await Gateway(endpoint).ApplyAsync(Change(ChangeAction.Delete, detail), CancellationToken.None);

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("AWSBudgetServiceGateway." + operation, request.Header("x-amz-target"));
    }

    [Fact]
    public async Task AddingASubscriberThatIsAlreadyThereCountsAsDone()
    {
        using var endpoint = new CapturingEndpoint(status: 400, body: "{\"__type\":\"DuplicateRecordException\",\"Message\":\"Subscriber already exists.\"}");
        await Gateway(endpoint).ApplyAsync(Change(ChangeAction.Create, new CreateSubscriberOperation(Budget, Forecast80, Finance)), CancellationToken.None);
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    public async Task TheNotificationLimitOfAwsIsReportedClearly()
    {
        using var endpoint = new CapturingEndpoint(status: 400, body: "{\"__type\":\"CreationLimitExceededException\",\"Message\":\"You've reached the limit of notifications.\"}");
        var notification = new BudgetNotification(Forecast80, new[] { Finance });

        var error = await Assert.ThrowsAsync<WAOpsException>(() =>
            Gateway(endpoint).ApplyAsync(Change(ChangeAction.Create, new CreateNotificationOperation(Budget, notification)), CancellationToken.None));

        Assert.Equal(BudgetErrorIds.NotificationLimitExceeded, error.ErrorId);
        Assert.Equal(ErrorKind.QuotaExceeded, error.Kind);
        Assert.Contains("older accounts and documentation: 5", error.Message);
        Assert.Contains("You've reached the limit", error.Message);
        Assert.Equal("wire/Forecasted > 80%", error.Target);
        Assert.Contains("-Prune", error.RecommendedAction);
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    public async Task TheSubscriberLimitOfAwsIsReportedClearly()
    {
        using var endpoint = new CapturingEndpoint(status: 400, body: "{\"__type\":\"CreationLimitExceededException\",\"Message\":\"Too many subscribers.\"}");
        var error = await Assert.ThrowsAsync<WAOpsException>(() =>
            Gateway(endpoint).ApplyAsync(Change(ChangeAction.Create, new CreateSubscriberOperation(Budget, Forecast80, Finance)), CancellationToken.None));
        Assert.Equal(BudgetErrorIds.SubscriberLimitExceeded, error.ErrorId);
        Assert.Equal(ErrorKind.QuotaExceeded, error.Kind);
    }
}
