using WAOps.Engine.Budgets;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Engine.Tests.Budgets;

public sealed class BudgetValidatorTests
{
    private static BudgetRequest Request(string amount = "500", string? project = "checkout", string[]? emails = null, string[]? topics = null) => new()
    {
        Amount = amount,
        Project = project,
        Emails = emails ?? new[] { "ops@example.com" },
        SnsTopicArns = topics ?? Array.Empty<string>(),
    };

    private static WAOpsException Fails(BudgetRequest request, string errorId)
    {
        var error = Assert.Throws<WAOpsException>(() => BudgetValidator.Validate(request));
        Assert.Equal(errorId, error.ErrorId);
        Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction));
        return error;
    }

    [Fact]
    public void DefaultsAreTheSeedsThreeForecastAlertsPlusAnActualOne()
    {
        var spec = BudgetValidator.Validate(Request());

        Assert.Equal("Project-checkout", spec.Name);
        Assert.Equal(500m, spec.Amount);
        Assert.Equal("USD", spec.Currency);
        Assert.Equal(BudgetTimeUnit.Monthly, spec.TimeUnit);
        Assert.Equal(new[] { "user:Project$checkout" }, spec.CostFilters["TagKeyValue"]);
        Assert.Equal("checkout", spec.Project);
        Assert.Equal(
            new[] { "Forecasted > 50%", "Forecasted > 80%", "Forecasted > 100%", "Actual > 100%" },
            spec.Notifications.Select(n => n.Key.ToString()));
        Assert.All(spec.Notifications, n => Assert.Equal(new[] { BudgetSubscriber.Email("ops@example.com") }, n.Subscribers));
    }

    [Fact]
    public void WithoutAProjectTheBudgetCoversTheWholeAccount()
    {
        var spec = BudgetValidator.Validate(Request(project: null));
        Assert.Equal(BudgetValidator.AccountBudgetName, spec.Name);
        Assert.Empty(spec.CostFilters);
        Assert.Equal("500 USD Monthly, whole account", spec.DescribeLimit());
    }

    [Theory]
    [InlineData("99.50", "99.50")]
    [InlineData(" 1200 ", "1200")]
    [InlineData("0.01", "0.01")]
    public void AmountsAreReadWithADotForDecimals(string given, string sent)
    {
        Assert.Equal(sent, BudgetValidator.Validate(Request(amount: given)).AmountText);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1,000")]
    [InlineData("$100")]
    [InlineData("1e3")]
    public void AnAmountThatIsNotAPositiveNumberIsRejected(string amount)
    {
        Fails(Request(amount: amount), BudgetErrorIds.InvalidBudgetAmount);
    }

    [Theory]
    [InlineData(0d)]
    [InlineData(-1d)]
    [InlineData(1_000_000.5d)]
    [InlineData(double.NaN)]
    public void ThresholdsOutsideZeroToOneMillionAreRejected(double threshold)
    {
        var request = new BudgetRequest { Amount = "10", Emails = new[] { "a@example.com" }, ForecastThresholds = new[] { 50d, threshold } };
        Fails(request, BudgetErrorIds.InvalidThreshold);
        Fails(new BudgetRequest { Amount = "10", Emails = new[] { "a@example.com" }, ActualThresholds = new[] { threshold } }, BudgetErrorIds.InvalidThreshold);
    }

    [Fact]
    public void TheLargestThresholdIsAccepted()
    {
        var spec = BudgetValidator.Validate(new BudgetRequest { Amount = "10", Emails = new[] { "a@example.com" }, ForecastThresholds = Array.Empty<double>(), ActualThresholds = new[] { 1_000_000d } });
        Assert.Equal(1_000_000d, Assert.Single(spec.Notifications).Threshold);
    }

    [Fact]
    public void RepeatedThresholdsAreOneNotification()
    {
        var spec = BudgetValidator.Validate(new BudgetRequest { Amount = "10", Emails = new[] { "a@example.com" }, ForecastThresholds = new[] { 80d, 80d }, ActualThresholds = new[] { 80d } });
        Assert.Equal(new[] { "Forecasted > 80%", "Actual > 80%" }, spec.Notifications.Select(n => n.Key.ToString()));
    }

    [Fact]
    public void NoThresholdAtAllIsRejected()
    {
        Fails(new BudgetRequest { Amount = "10", Emails = new[] { "a@example.com" }, ForecastThresholds = Array.Empty<double>(), ActualThresholds = Array.Empty<double>() }, BudgetErrorIds.NoThreshold);
    }

    [Fact]
    public void MoreThanTenNotificationsAreRejected()
    {
        var request = new BudgetRequest { Amount = "10", Emails = new[] { "a@example.com" }, ForecastThresholds = Enumerable.Range(1, 9).Select(i => i * 10d).ToArray(), ActualThresholds = new[] { 100d, 120d } };
        var error = Fails(request, BudgetErrorIds.TooManyNotifications);
        Assert.Equal(ErrorKind.LimitsExceeded, error.Kind);
        Assert.Contains("11 notifications", error.Message);
    }

    [Fact]
    public void TenNotificationsAreAllowed()
    {
        var request = new BudgetRequest { Amount = "10", Emails = new[] { "a@example.com" }, ForecastThresholds = Enumerable.Range(1, 9).Select(i => i * 10d).ToArray(), ActualThresholds = new[] { 100d } };
        Assert.Equal(10, BudgetValidator.Validate(request).Notifications.Count);
    }

    [Fact]
    public void MoreThanTenEmailAddressesAreRejected()
    {
        var emails = Enumerable.Range(1, 11).Select(i => $"ops{i}@example.com").ToArray();
        var error = Fails(Request(emails: emails), BudgetErrorIds.TooManySubscribers);
        Assert.Contains("11 e-mail", error.Message);
        Assert.Equal(10, BudgetValidator.Validate(Request(emails: emails[..10])).Notifications[0].Subscribers!.Count);
    }

    [Fact]
    public void MoreThanOneSnsTopicIsRejected()
    {
        var error = Fails(Request(topics: new[] { "arn:aws:sns:us-east-1:123456789012:a", "arn:aws:sns:us-east-1:123456789012:b" }), BudgetErrorIds.TooManySubscribers);
        Assert.Contains("2 SNS topic", error.Message);
    }

    [Fact]
    public void EmailCellsOfACsvAreSplitAndRepeatsDropped()
    {
        var spec = BudgetValidator.Validate(Request(emails: new[] { "a@example.com; b@example.com", "B@Example.com,c@example.com" }));
        Assert.Equal(new[] { "a@example.com", "b@example.com", "c@example.com" }, spec.Notifications[0].Subscribers!.Select(s => s.Address));
    }

    [Theory]
    [InlineData("ops")]
    [InlineData("ops@")]
    [InlineData("@example.com")]
    [InlineData("ops@example")]
    [InlineData("ops @example.com")]
    [InlineData("ops@@example.com")]
    [InlineData("Ops <ops@example.com>")]
    [InlineData("ops@example.c")]
    public void MalformedEmailAddressesAreRejected(string email)
    {
        var error = Fails(Request(emails: new[] { email }), BudgetErrorIds.InvalidEmailAddress);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Theory]
    [InlineData("first.last+budgets@example.co.uk")]
    [InlineData("o'brien@example-mail.com")]
    public void OrdinaryEmailAddressesAreAccepted(string email)
    {
        Assert.True(BudgetValidator.IsEmailAddress(email));
    }

    [Theory]
    [InlineData("arn:aws:sns:us-east-1:123456789012")]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:alerts")]
    [InlineData("arn:aws:sns:us-east-1:12345:alerts")]
    [InlineData("arn:aws:sns::123456789012:alerts")]
    [InlineData("alerts")]
    [InlineData("arn:aws:sns:us-east-1:123456789012:bad name")]
    public void MalformedTopicArnsAreRejected(string arn)
    {
        Fails(Request(emails: Array.Empty<string>(), topics: new[] { arn }), BudgetErrorIds.InvalidSnsTopicArn);
    }

    [Theory]
    [InlineData("arn:aws:sns:us-east-1:123456789012:budget-alerts")]
    [InlineData("arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts")]
    [InlineData("arn:aws:sns:eu-west-1:123456789012:alerts.fifo")]
    public void TopicArnsAreParsed(string text)
    {
        Assert.True(SnsTopicArn.TryParse(text, out var arn));
        Assert.Equal("123456789012", arn!.AccountId);
    }

    [Fact]
    public void NoSubscriberIsRejected()
    {
        Fails(Request(emails: Array.Empty<string>()), BudgetErrorIds.NoSubscriber);
        Fails(Request(emails: new[] { " ; " }), BudgetErrorIds.NoSubscriber);
    }

    [Theory]
    [InlineData("team:payments")]
    [InlineData("team\\payments")]
    [InlineData("x/action/y")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("   ")]
    public void ForbiddenBudgetNamesAreRejected(string name)
    {
        Fails(new BudgetRequest { Name = name, Amount = "10", Emails = new[] { "a@example.com" } }, BudgetErrorIds.InvalidBudgetName);
    }

    [Fact]
    public void BudgetNamesAreAtMostOneHundredCharacters()
    {
        Fails(new BudgetRequest { Name = new string('n', 101), Amount = "10", Emails = new[] { "a@example.com" } }, BudgetErrorIds.InvalidBudgetName);
        Assert.Equal(100, BudgetValidator.Validate(new BudgetRequest { Name = new string('n', 100), Amount = "10", Emails = new[] { "a@example.com" } }).Name.Length);
    }

    [Fact]
    public void AProjectWhoseDefaultNameIsForbiddenAsksForAName()
    {
        var error = Fails(Request(project: "team:payments"), BudgetErrorIds.InvalidBudgetName);
        Assert.Contains("-Name", error.RecommendedAction);
        Assert.Equal("Project-team:payments", error.Target);
        Assert.Equal("payments", BudgetValidator.Validate(new BudgetRequest { Name = "payments", Amount = "1", Project = "team:payments", Emails = new[] { "a@example.com" } }).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("check$out")]
    [InlineData("a*b")]
    public void ProjectsThatCannotBeTagValuesAreRejected(string project)
    {
        Fails(Request(project: project), BudgetErrorIds.InvalidProject);
    }

    [Fact]
    public void CostFiltersAreTakenAsGivenAndNeedAName()
    {
        var filters = new Dictionary<string, IReadOnlyList<string>> { ["Region"] = new[] { "us-east-1" }, ["Service"] = new[] { "Amazon EC2" } };
        Fails(new BudgetRequest { Amount = "10", Emails = new[] { "a@example.com" }, CostFilter = filters }, BudgetErrorIds.InvalidBudgetName);

        var spec = BudgetValidator.Validate(new BudgetRequest { Name = "ec2-us-east-1", Amount = "10", Emails = new[] { "a@example.com" }, CostFilter = filters });
        Assert.Equal("Region=us-east-1; Service=Amazon EC2", BudgetCostFilters.Describe(spec.CostFilters));
        Assert.Null(spec.Project);
    }

    [Fact]
    public void EmptyCostFiltersAndConflictingScopesAreRejected()
    {
        Fails(new BudgetRequest { Name = "n", Amount = "10", Emails = new[] { "a@example.com" }, CostFilter = new Dictionary<string, IReadOnlyList<string>> { ["Region"] = Array.Empty<string>() } }, BudgetErrorIds.InvalidCostFilter);
        Fails(new BudgetRequest { Name = "n", Amount = "10", Emails = new[] { "a@example.com" }, CostFilter = new Dictionary<string, IReadOnlyList<string>> { [""] = new[] { "x" } } }, BudgetErrorIds.InvalidCostFilter);
        Fails(new BudgetRequest { Name = "n", Amount = "10", Project = "p", Emails = new[] { "a@example.com" }, CostFilter = new Dictionary<string, IReadOnlyList<string>> { ["Region"] = new[] { "x" } } }, BudgetErrorIds.InvalidCostFilter);
    }

    [Theory]
    [InlineData("US")]
    [InlineData("dollars")]
    [InlineData("")]
    public void CurrenciesAreThreeLetterCodes(string currency)
    {
        Fails(new BudgetRequest { Amount = "10", Currency = currency, Emails = new[] { "a@example.com" } }, BudgetErrorIds.InvalidCurrency);
        Assert.Equal("EUR", BudgetValidator.Validate(new BudgetRequest { Amount = "10", Currency = "eur", Emails = new[] { "a@example.com" } }).Currency);
    }
}
