using WAOps.Engine.Alarms;
using WAOps.Engine.Dashboards;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Engine.Tests.Alarms;

public sealed class AlarmThresholdsTests
{
    private static IReadOnlyDictionary<string, double> Parse(params (string Key, string? Value)[] entries) =>
        AlarmThresholds.Parse(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)));

    [Fact]
    public void KeysAreNamespaceAndMetricInTheCatalogsSpelling()
    {
        var parsed = Parse(("aws/lambda/errors", "5"), ("AWS/SQS/ApproximateAgeOfOldestMessage", "300.5"), ("AWS/ApplicationELB/TargetResponseTime", "-1e1"));
        Assert.Equal(5, parsed["AWS/Lambda/Errors"]);
        Assert.Equal(300.5, parsed["AWS/SQS/ApproximateAgeOfOldestMessage"]);
        Assert.Equal(-10, parsed["AWS/ApplicationELB/TargetResponseTime"]);
    }

    [Fact]
    public void BothSpellingsOfACaseVariantMetricStayDistinct()
    {
        var parsed = Parse(("ContainerInsights/apiserver_request_total_5XX", "1"), ("ContainerInsights/apiserver_request_total_5xx", "2"));
        Assert.Equal(1, parsed["ContainerInsights/apiserver_request_total_5XX"]);
        Assert.Equal(2, parsed["ContainerInsights/apiserver_request_total_5xx"]);
    }

    [Theory]
    [InlineData("Errors", "5", "'AWS/Lambda/Errors'")]
    [InlineData("AWS/Lambda/Erors", "5", "AWS/Lambda/Errors")]
    [InlineData("AWS/Lambda/Errors", "five", "not a number")]
    [InlineData("AWS/Lambda/Errors", "NaN", "not a number")]
    [InlineData("AWS/Lambda/Errors", null, "not a number")]
    public void UnknownMetricsAndNonNumbersAreRefused(string key, string? value, string hint)
    {
        var error = Assert.Throws<WAOpsException>(() => Parse((key, value)));
        Assert.Equal(DashboardErrorIds.InvalidAlarmThreshold, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains(hint, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" WAOps")]
    [InlineData("a\tb")]
    public void BadAlarmPrefixesAreRefused(string prefix) =>
        Assert.Equal(DashboardErrorIds.InvalidAlarmPrefix, Assert.Throws<WAOpsException>(() => AlarmNaming.ValidatePrefix(prefix)).ErrorId);
}

public sealed class AlarmTopicsTests
{
    [Fact]
    public void TopicsAreGroupedByRegionSortedAndDeduplicated()
    {
        var topics = AlarmTopics.Parse(new[]
        {
            "arn:aws:sns:eu-west-1:123456789012:b-alerts",
            "arn:aws:sns:us-east-1:123456789012:edge-alerts",
            "arn:aws:sns:eu-west-1:123456789012:a-alerts",
            " arn:aws:sns:eu-west-1:123456789012:a-alerts ",
        });
        Assert.Equal(new[] { "eu-west-1", "us-east-1" }, topics.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(new[] { "arn:aws:sns:eu-west-1:123456789012:a-alerts", "arn:aws:sns:eu-west-1:123456789012:b-alerts" }, topics["eu-west-1"]);
        Assert.Empty(AlarmTopics.Parse(null));
    }

    [Theory]
    [InlineData("alerts")]
    [InlineData("arn:aws:sqs:eu-west-1:123456789012:alerts")]
    [InlineData("arn:aws:sns:eu-west-1:12345:alerts")]
    [InlineData("arn:aws:sns:eu-west-1:123456789012:alerts:sub-id")]
    public void MalformedTopicArnsAreRefused(string arn)
    {
        var error = Assert.Throws<WAOpsException>(() => AlarmTopics.Parse(new[] { arn }));
        Assert.Equal((DashboardErrorIds.InvalidSnsTopicArn, ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
    }

    [Fact]
    public void MoreThanFiveTopicsInARegionAreRefused()
    {
        var error = Assert.Throws<WAOpsException>(() => AlarmTopics.Parse(Enumerable.Range(1, 6).Select(i => $"arn:aws:sns:eu-west-1:123456789012:t{i}")));
        Assert.Equal((DashboardErrorIds.TooManyAlarmActions, ErrorKind.LimitsExceeded), (error.ErrorId, error.Kind));
    }
}
