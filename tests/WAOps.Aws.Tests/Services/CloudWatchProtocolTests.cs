using WAOps.Aws.Protocol;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Services.CloudWatch.Model;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Aws.Tests.Services;

/// <summary>awsJson1_0 proven against moto with CloudWatch's dashboard operations.</summary>
public sealed class CloudWatchProtocolTests : IClassFixture<MotoFixture>
{
    private readonly MotoServer _moto;
    private readonly CloudWatchClient _client;

    public CloudWatchProtocolTests(MotoFixture fixture)
    {
        fixture.LogName = nameof(CloudWatchProtocolTests);
        _moto = fixture.Server;
        _client = new CloudWatchClient(TestSessions.For(_moto, "eu-west-1"));
    }

    private const string Body = "{\"widgets\":[{\"type\":\"text\",\"x\":0,\"y\":0,\"width\":24,\"height\":2,\"properties\":{\"markdown\":\"# WAOps\"}}]}";

    [Fact]
    public async Task PutDashboardThenGetDashboardReturnsTheSameBody()
    {
        var put = await _client.PutDashboardAsync(new PutDashboardRequest { DashboardName = "waops-roundtrip", DashboardBody = Body });
        Assert.Empty(put.DashboardValidationMessages);
        Assert.Equal(200, put.HttpStatusCode);
        Assert.False(string.IsNullOrEmpty(put.RequestId));

        var get = await _client.GetDashboardAsync(new GetDashboardRequest { DashboardName = "waops-roundtrip" });
        Assert.Equal(Body, get.DashboardBody);
        Assert.Equal("waops-roundtrip", get.DashboardName);
        Assert.EndsWith(":dashboard/waops-roundtrip", get.DashboardArn);

        // The AWS CLI, an independent client, reads the same dashboard back.
        var cli = ExternalTools.AwsCli(_moto.Endpoint, "eu-west-1", "cloudwatch", "get-dashboard", "--dashboard-name", "waops-roundtrip")!.Value;
        Assert.Equal(Body, cli.GetProperty("DashboardBody").GetString());
    }

    [Fact]
    public async Task ListDashboardsStreamsEntriesByPrefix()
    {
        foreach (var name in new[] { "waops-list-a", "waops-list-b", "other-c" })
        {
            await _client.PutDashboardAsync(new PutDashboardRequest { DashboardName = name, DashboardBody = Body });
        }

        var names = new List<string>();
        await foreach (var entry in _client.ListAllDashboardsAsync("waops-list-"))
        {
            names.Add(entry.DashboardName!);
            Assert.NotNull(entry.LastModified);
            Assert.True(entry.Size > 0);
        }

        Assert.Equal(new[] { "waops-list-a", "waops-list-b" }, names.OrderBy(n => n));
    }

    [Fact]
    public async Task MissingDashboardIsATypedNotFoundError()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _client.GetDashboardAsync(new GetDashboardRequest { DashboardName = "waops-missing" }));
        Assert.Equal("ResourceNotFound", error.ErrorCode);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        Assert.Equal("Aws.ResourceNotFound", error.ErrorId);
        Assert.Equal(404, error.HttpStatus);
        Assert.Equal("GetDashboard", error.Operation);
        Assert.Equal("CloudWatch", error.ServiceId);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task DashboardsAreRegionalAndTheClientUsesItsSessionRegion()
    {
        await _client.PutDashboardAsync(new PutDashboardRequest { DashboardName = "waops-regional", DashboardBody = Body });
        var otherRegion = new CloudWatchClient(TestSessions.For(_moto, "ap-south-1"));
        await Assert.ThrowsAsync<AwsServiceException>(() => otherRegion.GetDashboardAsync(new GetDashboardRequest { DashboardName = "waops-regional" }));
    }
}
