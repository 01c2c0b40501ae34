using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using WAOps.Aws.Cleanup;
using WAOps.Aws.Protocol;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Cleanup;
using Xunit;

namespace WAOps.Aws.Tests.Cleanup;

/// <summary>GetMetricData batching (at most 500 queries a call), mapping back to resources, missing data and paging.</summary>
public sealed class MetricDataReaderTests : IClassFixture<MotoFixture>
{
    private readonly MotoServer _moto;

    public MetricDataReaderTests(MotoFixture fixture)
    {
        fixture.LogName = nameof(MetricDataReaderTests);
        _moto = fixture.Server;
    }

    private static MetricQuery Cpu(string instance, int days = 14) =>
        new("cpu", "AWS/EC2", "CPUUtilization", new[] { KeyValuePair.Create("InstanceId", instance) }, "Average", days);

    private static MetricQuery Net(string instance, string name) =>
        new(name, "AWS/EC2", name, new[] { KeyValuePair.Create("InstanceId", instance) }, "Sum", 14);

    [Fact]
    public async Task TwelveHundredQueriesTakeThreeCallsAndEveryValueFindsItsResource()
    {
        _moto.Reset();
        // Datapoints for three instances only: moto scans every stored datapoint per query and period, so the other
        // 397 have none (which is also what a stopped instance looks like: no datapoints, not zeros).
        var seeded = new[] { "i-seed0", "i-seed1", "i-seed2" };
        var spec = seeded.SelectMany((id, n) => new object[]
        {
            new { @namespace = "AWS/EC2", metric = "CPUUtilization", dimension = new[] { "InstanceId", id }, value = n + 1.5, days = 14, statistic = true },
            new { @namespace = "AWS/EC2", metric = "NetworkIn", dimension = new[] { "InstanceId", id }, value = 1000 * (n + 1), days = 14 },
            new { @namespace = "AWS/EC2", metric = "NetworkOut", dimension = new[] { "InstanceId", id }, value = 2000 * (n + 1), days = 14 },
        });
        ExternalTools.Seed(_moto.Endpoint, "idle.py", "metrics", JsonSerializer.Serialize(spec));

        var instances = seeded.Concat(Enumerable.Range(0, 397).Select(i => $"i-empty{i:000}")).ToList();
        var queries = instances.SelectMany(id => new[] { Cpu(id), Net(id, "NetworkIn"), Net(id, "NetworkOut") }.Select(q => new OwnedMetricQuery($"arn:{id}", q))).ToList();
        var counter = new AwsCallCounter();
        var reader = new MetricDataReader(new CloudWatchClient(TestSessions.For(_moto, options: new AwsCallOptions { Observer = counter })));
        var batches = new ConcurrentBag<(int Done, int Total)>();

        var now = DateTimeOffset.UtcNow;
        var metrics = await reader.ReadAsync(queries, now, (done, total) => batches.Add((done, total)), CancellationToken.None);

        Assert.Equal(1200, queries.Count);
        Assert.Equal(3, MetricDataReader.CallsNeeded(queries));
        Assert.Equal(3, reader.Calls);
        Assert.Equal(3, counter.Count("CloudWatch", "GetMetricData"));
        Assert.Equal(3, batches.Max(b => b.Done));
        Assert.All(batches, b => Assert.Equal(3, b.Total));

        var second = metrics["arn:i-seed1"];
        Assert.Equal(14, second.Get("cpu")!.Points.Count);
        Assert.All(second.Get("cpu")!.Values, v => Assert.Equal(2.5, v));
        Assert.All(second.Get("NetworkIn")!.Values, v => Assert.Equal(2000, v));
        Assert.All(second.Get("NetworkOut")!.Values, v => Assert.Equal(4000, v));
        // One datapoint per day, each at the start of its day, inside the 14-day window that ends at today's midnight.
        var days = second.Get("cpu")!.Timestamps;
        Assert.Equal(14, days.Distinct().Count());
        Assert.All(days, d => Assert.Equal(TimeSpan.Zero, d.UtcDateTime.TimeOfDay));
        Assert.Equal(MetricQuery.WindowEnd(now).AddDays(-14), days.Min());
        Assert.Equal(MetricQuery.WindowEnd(now).AddDays(-1), days.Max());

        // Fetched, but without data: an empty series, never zeros.
        var empty = metrics["arn:i-empty123"].Get("cpu")!;
        Assert.Empty(empty.Points);
        Assert.Equal("CPUUtilization Average: no data (0 of 14 days with data)", empty.ToString());
    }

    [Fact]
    public async Task QueriesWithDifferentWindowsDoNotShareACall()
    {
        _moto.Reset();
        var queries = new[] { new OwnedMetricQuery("a", Cpu("i-a", 14)), new OwnedMetricQuery("b", Cpu("i-b", 7)), new OwnedMetricQuery("c", Cpu("i-c", 14)) };
        var reader = new MetricDataReader(new CloudWatchClient(TestSessions.For(_moto)));

        var metrics = await reader.ReadAsync(queries, DateTimeOffset.UtcNow, null, CancellationToken.None);

        Assert.Equal(2, reader.Calls);
        Assert.Equal(new[] { "a", "b", "c" }, metrics.Keys.OrderBy(k => k));
    }

    [Fact]
    public async Task FurtherPagesAreFollowedAndResultsThatAreNotCompleteAreLeftOut()
    {
        using var endpoint = new PagedMetricEndpoint();
        var reader = new MetricDataReader(new CloudWatchClient(TestSessions.For(endpoint.Endpoint)));
        var now = new DateTimeOffset(2026, 11, 25, 21, 0, 0, TimeSpan.Zero);
        var queries = new[] { new OwnedMetricQuery("x", Cpu("i-x")), new OwnedMetricQuery("y", Cpu("i-y")), new OwnedMetricQuery("z", Cpu("i-z")) };

        var metrics = await reader.ReadAsync(queries, now, null, CancellationToken.None);

        Assert.Equal(2, reader.Calls);
        Assert.Equal(new[] { 1.0, 2.0 }, metrics["x"].Get("cpu")!.Values);
        Assert.Equal(new[] { 3.0 }, metrics["y"].Get("cpu")!.Values);
        Assert.False(metrics.ContainsKey("z"));   // Forbidden: not read, so its criterion sees no evidence

        var requests = endpoint.Bodies.ToArray();
        Assert.False(requests[0].RootElement.TryGetProperty("NextToken", out _));
        Assert.Equal("page-2", requests[1].RootElement.GetProperty("NextToken").GetString());
        Assert.Equal(3, requests[1].RootElement.GetProperty("MetricDataQueries").GetArrayLength());
        Assert.Equal(1794355200, requests[0].RootElement.GetProperty("StartTime").GetDouble());   // 2026-11-11T00:00:00Z, epoch seconds
        Assert.Equal(1795564800, requests[0].RootElement.GetProperty("EndTime").GetDouble());     // 2026-11-25T00:00:00Z
        Assert.Equal(100800, requests[0].RootElement.GetProperty("MaxDatapoints").GetInt32());
        Assert.Equal("TimestampAscending", requests[0].RootElement.GetProperty("ScanBy").GetString());
    }

    [Fact]
    public async Task ABatchThatFailsLeavesItsQueriesUnreadAndIsReported()
    {
        using var endpoint = new CapturingEndpoint(status: 400, contentType: "application/x-amz-json-1.0",
            body: "{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"message\":\"not allowed: cloudwatch:GetMetricData\"}");
        var reader = new MetricDataReader(new CloudWatchClient(TestSessions.For(endpoint.Endpoint)));
        var failures = new List<WAOps.Engine.Errors.WAOpsException>();

        var metrics = await reader.ReadAsync(new[] { new OwnedMetricQuery("x", Cpu("i-x")) }, DateTimeOffset.UtcNow, null, CancellationToken.None, failures.Add);

        Assert.Empty(metrics);
        var failure = Assert.Single(failures);
        Assert.Equal("Aws.AccessDeniedException", failure.ErrorId);
        Assert.Equal(WAOps.Engine.Errors.ErrorKind.PermissionDenied, failure.Kind);
        await Assert.ThrowsAsync<AwsServiceException>(() => reader.ReadAsync(new[] { new OwnedMetricQuery("x", Cpu("i-x")) }, DateTimeOffset.UtcNow, null, CancellationToken.None));
    }

    /// <summary>Answers GetMetricData in two pages: the first with a NextToken.</summary>
    private sealed class PagedMetricEndpoint : LoopbackHttpServer
    {
        public ConcurrentQueue<JsonDocument> Bodies { get; } = new();

        protected override Task HandleAsync(HttpContext context, byte[] body)
        {
            var request = JsonDocument.Parse(body);
            Bodies.Enqueue(request);
            var second = request.RootElement.TryGetProperty("NextToken", out _);
            var answer = second
                ? """{"MetricDataResults":[{"Id":"m0","StatusCode":"Complete","Timestamps":[1794528000],"Values":[2.0]},{"Id":"m1","StatusCode":"Complete","Timestamps":[1794441600],"Values":[3.0]},{"Id":"m2","StatusCode":"Forbidden","Timestamps":[],"Values":[]}]}"""
                : """{"MetricDataResults":[{"Id":"m0","StatusCode":"PartialData","Timestamps":[1794441600],"Values":[1.0]},{"Id":"m1","StatusCode":"PartialData","Timestamps":[],"Values":[]},{"Id":"m2","StatusCode":"Forbidden","Timestamps":[],"Values":[]}],"NextToken":"page-2"}""";
            return RespondAsync(context, 200, "application/x-amz-json-1.0", answer);
        }
    }
}
