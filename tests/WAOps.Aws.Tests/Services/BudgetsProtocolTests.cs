using WAOps.Aws.Protocol;
using WAOps.Aws.Services.Budgets;
using WAOps.Aws.Services.Budgets.Model;
using WAOps.Aws.Services.Sts;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Aws.Tests.Services;

/// <summary>awsJson1_1 proven against moto with Budgets (a global API in us-east-1; account id from STS).</summary>
public sealed class BudgetsProtocolTests : IClassFixture<MotoFixture>
{
    private readonly MotoServer _moto;
    private readonly BudgetsClient _client;

    public BudgetsProtocolTests(MotoFixture fixture)
    {
        fixture.LogName = nameof(BudgetsProtocolTests);
        _moto = fixture.Server;
        // A session in another region: Budgets must still be signed for us-east-1, where moto keeps budgets.
        _client = new BudgetsClient(TestSessions.For(_moto, "eu-west-1"));
    }

    private async Task<string> AccountIdAsync() => (await CallerIdentityGateway.GetAsync(_client.Session, CancellationToken.None)).Account;

    private static CreateBudgetRequest NewBudget(string account, string name, string amount) => new()
    {
        AccountId = account,
        Budget = new Budget
        {
            BudgetName = name,
            BudgetLimit = new Spend { Amount = amount, Unit = "USD" },
            TimeUnit = "MONTHLY",
            BudgetType = "COST",
            CostFilters = new Dictionary<string, List<string>> { ["TagKeyValue"] = new() { "user:Project$checkout" } },
        },
        NotificationsWithSubscribers = new()
        {
            new NotificationWithSubscribers
            {
                Notification = new Notification { NotificationType = "FORECASTED", ComparisonOperator = "GREATER_THAN", Threshold = 80, ThresholdType = "PERCENTAGE" },
                Subscribers = new() { new Subscriber { SubscriptionType = "EMAIL", Address = "ops@example.com" } },
            },
        },
    };

    [Fact]
    public async Task CreateBudgetThenDescribeBudgetReadsItBack()
    {
        var account = await AccountIdAsync();
        Assert.Equal(TestCredentials.MotoAccountId, account);
        await _client.CreateBudgetAsync(NewBudget(account, "waops-checkout", "125.50"));

        var described = (await _client.DescribeBudgetAsync(new DescribeBudgetRequest { AccountId = account, BudgetName = "waops-checkout" })).Budget!;
        Assert.Equal("waops-checkout", described.BudgetName);
        Assert.Equal(125.50m, decimal.Parse(described.BudgetLimit!.Amount!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("USD", described.BudgetLimit.Unit);
        Assert.Equal("MONTHLY", described.TimeUnit);
        Assert.Equal(new[] { "user:Project$checkout" }, described.CostFilters!["TagKeyValue"]);
        Assert.NotNull(described.TimePeriod?.Start);

        var cli = ExternalTools.AwsCli(_moto.Endpoint, "us-east-1", "budgets", "describe-budget", "--account-id", account, "--budget-name", "waops-checkout")!.Value;
        Assert.Equal("waops-checkout", cli.GetProperty("Budget").GetProperty("BudgetName").GetString());
        var notifications = ExternalTools.AwsCli(_moto.Endpoint, "us-east-1", "budgets", "describe-notifications-for-budget", "--account-id", account, "--budget-name", "waops-checkout")!.Value;
        var notification = Assert.Single(notifications.GetProperty("Notifications").EnumerateArray());
        Assert.Equal("FORECASTED", notification.GetProperty("NotificationType").GetString());
        Assert.Equal(80, notification.GetProperty("Threshold").GetDouble());
    }

    [Fact]
    public async Task DescribeAllBudgetsStreamsEveryBudget()
    {
        var account = await AccountIdAsync();
        foreach (var name in new[] { "waops-all-1", "waops-all-2", "waops-all-3" })
        {
            await _client.CreateBudgetAsync(NewBudget(account, name, "10"));
        }

        var names = new List<string>();
        await foreach (var budget in _client.DescribeAllBudgetsAsync(account))
        {
            names.Add(budget.BudgetName!);
        }

        // moto 5.2.1 ignores MaxResults and answers "nextToken" (AWS: "NextToken"), so there is one page here;
        // paging itself is covered by the Tagging and paginator tests.
        Assert.Contains("waops-all-1", names);
        Assert.Contains("waops-all-3", names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task CreatingADuplicateBudgetIsATypedResourceExistsError()
    {
        var account = await AccountIdAsync();
        await _client.CreateBudgetAsync(NewBudget(account, "waops-duplicate", "10"));
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _client.CreateBudgetAsync(NewBudget(account, "waops-duplicate", "10")));
        Assert.Equal("DuplicateRecordException", error.ErrorCode);
        Assert.Equal(ErrorKind.ResourceExists, error.Kind);
        Assert.False(error.IsThrottling);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task DescribingAMissingBudgetIsATypedNotFoundError()
    {
        var account = await AccountIdAsync();
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _client.DescribeBudgetAsync(new DescribeBudgetRequest { AccountId = account, BudgetName = "waops-nope" }));
        Assert.Equal("NotFoundException", error.ErrorCode);
        Assert.True(error.IsNotFound);
    }
}
