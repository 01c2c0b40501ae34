using System.Text.Json;
using WAOps.Aws.Monitoring;
using WAOps.Aws.Tests.Support;
using Xunit;

namespace WAOps.Aws.Tests.Monitoring;

/// <summary>
/// moto 5.2.1 ignores DescribeAlarms' MaxRecords and NextToken and answers everything at once, so paging is proven on a
/// scripted endpoint that answers in two pages as AWS does. The request members are the ones botocore's model names
/// (AlarmNamePrefix, AlarmTypes, MaxRecords of at most 100, NextToken); the AWS CLI cannot be the reference here because
/// it speaks CloudWatch's CBOR protocol, not the JSON one WAOps uses.
/// </summary>
public sealed class DescribeAlarmsPagingTests
{
    private static string Page(string? token, params string[] names) => JsonSerializer.Serialize(new
    {
        MetricAlarms = names.Select(n => new
        {
            AlarmName = n,
            AlarmArn = $"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:{n}",
            Namespace = "AWS/SQS",
            MetricName = "NumberOfMessagesSent",
            Dimensions = new[] { new { Name = "QueueName", Value = "q" } },
            Statistic = "Sum",
            Period = 60,
            EvaluationPeriods = 15,
            Threshold = 0.0,
            ComparisonOperator = "LessThanOrEqualToThreshold",
            StateValue = "OK",
        }),
        NextToken = token,
    });

    [Fact]
    public async Task AlarmsAreReadPageByPageWithTheLargestPage()
    {
        using var endpoint = new ScriptedEndpoint(
            new ScriptedAnswer(200, "application/x-amz-json-1.0", Page("page-2", "WAOps-w-a", "WAOps-w-b")),
            new ScriptedAnswer(200, "application/x-amz-json-1.0", Page(null, "WAOps-w-c")));
        var gateway = new AlarmGateway(TestSessions.For(endpoint.Endpoint, "eu-west-1"));

        var alarms = await gateway.ReadAsync(new[] { "eu-west-1" }, "WAOps-w-", CancellationToken.None);

        Assert.Equal(new[] { "WAOps-w-a", "WAOps-w-b", "WAOps-w-c" }, alarms.Select(a => a.Name));
        Assert.All(alarms, a => Assert.Equal(("eu-west-1", "Sum", 15, 0.0), (a.Region, a.Statistic!, a.EvaluationPeriods!.Value, a.Threshold!.Value)));
        var requests = endpoint.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Equal("GraniteServiceVersion20100801.DescribeAlarms", r.Header("x-amz-target")));
        using var first = JsonDocument.Parse(requests[0].BodyText);
        Assert.Equal("WAOps-w-", first.RootElement.GetProperty("AlarmNamePrefix").GetString());
        Assert.Equal(100, first.RootElement.GetProperty("MaxRecords").GetInt32());
        Assert.Equal("MetricAlarm", first.RootElement.GetProperty("AlarmTypes")[0].GetString());
        Assert.False(first.RootElement.TryGetProperty("NextToken", out _));
        using var second = JsonDocument.Parse(requests[1].BodyText);
        Assert.Equal("page-2", second.RootElement.GetProperty("NextToken").GetString());
    }
}
