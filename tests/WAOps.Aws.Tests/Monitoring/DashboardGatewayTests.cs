using System.Text.Json;
using WAOps.Aws.Monitoring;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Services.CloudWatch.Model;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Dashboards;
using WAOps.Engine.Errors;
using WAOps.Engine.Monitoring;
using WAOps.Engine.Planning;
using Xunit;

namespace WAOps.Aws.Tests.Monitoring;

/// <summary>
/// Dashboards against moto, read back with the AWS CLI. moto 5.2.1 deviation met here: PutDashboard only checks that the
/// body is JSON (AWS validates every widget and answers InvalidParameterInput with dashboardValidationMessages), so AWS's
/// validation answer is replayed from a scripted endpoint in the shape botocore documents (DashboardInvalidInputError).
/// </summary>
public sealed class DashboardGatewayTests : IClassFixture<MotoFixture>
{
    private readonly MotoServer _moto;

    public DashboardGatewayTests(MotoFixture fixture)
    {
        fixture.LogName = nameof(DashboardGatewayTests);
        _moto = fixture.Server;
    }

    private static IReadOnlyList<DashboardDefinition> Dashboards(string name, int queues) =>
        DashboardComposer.Compose(new WorkloadDescription(name, "eu-west-1", "p", "e", "tags"),
            Enumerable.Range(1, queues).Select(i => new MonitoredResource(MonitoredKind.SqsQueue, $"arn:aws:sqs:eu-west-1:123456789012:q{i:000}", "eu-west-1", $"q{i:000}",
                new[] { new MetricDimension("QueueName", $"q{i:000}") })));

    private static PlannedChange<DashboardOperation> Put(DashboardDefinition dashboard) =>
        new(dashboard.Name, DashboardPlanner.DashboardKind, ChangeAction.Create, "test", operation: new PutDashboardOperation(dashboard));

    [Fact]
    public async Task ADashboardIsPutReadBackTheSameByTheAwsCliAndThenUnchanged()
    {
        var gateway = new DashboardGateway(TestSessions.For(_moto, "eu-west-1"));
        var dashboard = Dashboards("gw-roundtrip", 3).Single();
        Assert.Null(await gateway.GetBodyAsync("gw-roundtrip", CancellationToken.None));

        Assert.Null((await gateway.ApplyAsync(Put(dashboard), CancellationToken.None)).Note);

        var cli = ExternalTools.AwsCli(_moto.Endpoint, "eu-west-1", "cloudwatch", "get-dashboard", "--dashboard-name", "gw-roundtrip")!.Value.GetProperty("DashboardBody").GetString();
        Assert.Equal(dashboard.Body, cli);
        var current = await gateway.GetBodyAsync("gw-roundtrip", CancellationToken.None);
        var plan = DashboardPlanner.Plan(new[] { dashboard }, new Dictionary<string, string?> { ["gw-roundtrip"] = current }, Array.Empty<KeyValuePair<string, string?>>(), "x", prune: false);
        Assert.Equal(ChangeAction.None, Assert.Single(plan).Action);
    }

    [Fact]
    public async Task NumberedPartsAreListedAndDeleted()
    {
        var gateway = new DashboardGateway(TestSessions.For(_moto, "eu-west-1"));
        var parts = Dashboards("gw-parts", 200);
        Assert.Equal(2, parts.Count);
        foreach (var part in parts)
        {
            await gateway.ApplyAsync(Put(part), CancellationToken.None);
        }

        await gateway.ApplyAsync(Put(Dashboards("gw-parts-x", 1).Single()), CancellationToken.None);
        Assert.Equal(new[] { "gw-parts-2" }, await gateway.ListPartNamesAsync("gw-parts", CancellationToken.None));

        await gateway.ApplyAsync(new PlannedChange<DashboardOperation>("gw-parts-2", DashboardPlanner.DashboardKind, ChangeAction.Delete, "test", operation: new DeleteDashboardOperation("gw-parts-2")), CancellationToken.None);
        Assert.Empty(await gateway.ListPartNamesAsync("gw-parts", CancellationToken.None));
    }

    [Fact]
    public async Task MotosOwnInvalidInputBecomesInvalidDashboardBody()
    {
        var session = TestSessions.For(_moto, "eu-west-1");
        var error = await Assert.ThrowsAsync<WAOps.Aws.Protocol.AwsServiceException>(() => new CloudWatchClient(session).PutDashboardAsync(new PutDashboardRequest { DashboardName = "gw-bad", DashboardBody = "{not json" }));
        var plain = DashboardGateway.InvalidBody("gw-bad", error);
        Assert.Equal(DashboardErrorIds.InvalidDashboardBody, plain.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, plain.Kind);
        Assert.StartsWith("CloudWatch refused the body of dashboard 'gw-bad': Body is invalid JSON. The dashboard was not changed", plain.Message);
    }

    [Fact]
    public async Task AwsValidationMessagesAreSurfacedInPlainWords()
    {
        const string Body = """
            {"__type":"com.amazonaws.cloudwatch#DashboardInvalidInputError","message":"The dashboard body is invalid, there are 2 validation errors: ...",
             "dashboardValidationMessages":[
               {"DataPath":"/widgets/2/properties/metrics/0","Message":"Should NOT have more than 14 items"},
               {"DataPath":"/widgets/5/properties/region","Message":"Invalid region eu-west-9"}]}
            """;
        using var endpoint = new ScriptedEndpoint(new ScriptedAnswer(400, "application/x-amz-json-1.0", Body,
            new Dictionary<string, string> { ["x-amzn-query-error"] = "InvalidParameterInput;Sender" }));
        var gateway = new DashboardGateway(TestSessions.For(endpoint.Endpoint, "eu-west-1", TestSessions.QuickRetries(2)));

        var error = await Assert.ThrowsAsync<WAOpsException>(() => gateway.ApplyAsync(Put(Dashboards("gw-invalid", 1).Single()), CancellationToken.None));

        Assert.Equal(DashboardErrorIds.InvalidDashboardBody, error.ErrorId);
        Assert.Contains("CloudWatch refused the body of dashboard 'gw-invalid': The dashboard body is invalid, there are 2 validation errors", error.Message);
        Assert.Contains("Problems: widget 3, metrics line 1: Should NOT have more than 14 items; widget 6, region: Invalid region eu-west-9.", error.Message);
        Assert.Single(endpoint.Requests);
        using var sent = JsonDocument.Parse(endpoint.Requests.Single().BodyText);
        Assert.Equal("gw-invalid", sent.RootElement.GetProperty("DashboardName").GetString());
    }

    [Fact]
    public async Task WarningsOfASuccessfulPutAreReturned()
    {
        using var endpoint = new ScriptedEndpoint(new ScriptedAnswer(200, "application/x-amz-json-1.0",
            """{"DashboardValidationMessages":[{"DataPath":"/widgets/1","Message":"The alarm is in another region"}]}"""));
        var gateway = new DashboardGateway(TestSessions.For(endpoint.Endpoint, "eu-west-1"));
        Assert.Equal("/widgets/1: The alarm is in another region", (await gateway.ApplyAsync(Put(Dashboards("gw-warn", 1).Single()), CancellationToken.None)).Note);
    }
}
