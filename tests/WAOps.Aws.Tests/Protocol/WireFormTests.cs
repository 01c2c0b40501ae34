using System.Text.Json;
using System.Text.Json.Nodes;
using WAOps.Aws.Services.Budgets;
using WAOps.Aws.Services.Budgets.Model;
using WAOps.Aws.Services.Rds;
using WAOps.Aws.Services.Rds.Model;
using WAOps.Aws.Tests.Support;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

/// <summary>
/// What WAOps puts on the wire equals what the AWS CLI puts on the wire for the same operation and inputs,
/// member for member: both send to a capturing endpoint, and the captures are compared.
/// </summary>
public sealed class WireFormTests
{
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
        return request!;
    }

    [Fact]
    public async Task CreateBudgetMatchesTheAwsCliMemberForMember()
    {
        using var endpoint = new CapturingEndpoint();
        var client = new BudgetsClient(TestSessions.For(endpoint.Endpoint, "eu-west-1"));
        await client.CreateBudgetAsync(new CreateBudgetRequest
        {
            AccountId = "123456789012",
            Budget = new Budget
            {
                BudgetName = "wire",
                BudgetLimit = new Spend { Amount = "100", Unit = "USD" },
                TimeUnit = "MONTHLY",
                BudgetType = "COST",
                CostFilters = new() { ["TagKeyValue"] = new() { "user:Project$wire" } },
            },
            NotificationsWithSubscribers = new()
            {
                new NotificationWithSubscribers
                {
                    Notification = new Notification { NotificationType = "FORECASTED", ComparisonOperator = "GREATER_THAN", Threshold = 50, ThresholdType = "PERCENTAGE" },
                    Subscribers = new() { new Subscriber { SubscriptionType = "EMAIL", Address = "ops@example.com" } },
                },
            },
        });
        Assert.True(endpoint.Requests.TryDequeue(out var waops));

        var cli = CaptureCli(endpoint, "budgets", "create-budget", "--account-id", "123456789012",
            "--budget", "{\"BudgetName\":\"wire\",\"BudgetLimit\":{\"Amount\":\"100\",\"Unit\":\"USD\"},\"TimeUnit\":\"MONTHLY\",\"BudgetType\":\"COST\",\"CostFilters\":{\"TagKeyValue\":[\"user:Project$wire\"]}}",
            "--notifications-with-subscribers", "[{\"Notification\":{\"NotificationType\":\"FORECASTED\",\"ComparisonOperator\":\"GREATER_THAN\",\"Threshold\":50,\"ThresholdType\":\"PERCENTAGE\"},\"Subscribers\":[{\"SubscriptionType\":\"EMAIL\",\"Address\":\"ops@example.com\"}]}]");

        Assert.Equal(cli.Header("x-amz-target"), waops!.Header("x-amz-target"));
        Assert.Equal(cli.Header("content-type"), waops.Header("content-type"));
        Assert.Equal(cli.Method, waops.Method);
        Assert.Equal(cli.PathAndQuery, waops.PathAndQuery);
        AssertJsonEquivalent(cli.BodyText, waops.BodyText);
        // Budgets is global: both sign for us-east-1 although WAOps' session is in eu-west-1.
        Assert.Contains("/us-east-1/budgets/aws4_request", waops.Header("authorization"));
        Assert.Contains("/us-east-1/budgets/aws4_request", cli.Header("authorization"));
    }

    [Fact]
    public async Task DescribeDBInstancesQueryFormMatchesTheAwsCli()
    {
        using var endpoint = new CapturingEndpoint(contentType: "text/xml",
            body: "<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances/></DescribeDBInstancesResult></DescribeDBInstancesResponse>");
        await new RdsClient(TestSessions.For(endpoint.Endpoint)).DescribeDBInstancesAsync(new DescribeDBInstancesRequest
        {
            Filters = new() { new Filter { Name = "engine", Values = new() { "postgres", "mysql" } } },
            MaxRecords = 100,
        });
        Assert.True(endpoint.Requests.TryDequeue(out var waops));

        var cli = CaptureCli(endpoint, "rds", "describe-db-instances", "--filters", "Name=engine,Values=postgres,mysql", "--max-records", "100", "--no-paginate");

        Assert.Equal(FormMembers(cli.BodyText), FormMembers(waops!.BodyText));
        Assert.StartsWith("application/x-www-form-urlencoded", waops.Header("content-type"));
    }

    private static SortedDictionary<string, string> FormMembers(string body) => new(
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : string.Empty)),
        StringComparer.Ordinal);

    private static void AssertJsonEquivalent(string expected, string actual)
    {
        var left = JsonNode.Parse(expected);
        var right = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(Normalize(left), Normalize(right)), $"AWS CLI: {expected}\nWAOps:   {actual}");
    }

    // Numbers are compared by value (50 and 50.0 are the same member value).
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Normalize).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(v.GetValue<double>()),
        null => null,
        _ => node.DeepClone(),
    };
}
