using WAOps.Aws.Services.GuardDuty;
using WAOps.Aws.Services.GuardDuty.Model;
using WAOps.Aws.Tests.Support;
using Xunit;

namespace WAOps.Aws.Tests.Services;

/// <summary>restJson1 proven against moto with GuardDuty ListDetectors (camelCase members, query parameters).</summary>
public sealed class GuardDutyProtocolTests : IClassFixture<MotoFixture>
{
    private readonly MotoServer _moto;

    public GuardDutyProtocolTests(MotoFixture fixture)
    {
        fixture.LogName = nameof(GuardDutyProtocolTests);
        _moto = fixture.Server;
    }

    [Fact]
    public async Task ListDetectorsReturnsTheDetectorOfTheRegionOnly()
    {
        var seeded = ExternalTools.Seed(_moto.Endpoint, "foundation.py", "guardduty-detector")!.Value.GetProperty("DetectorId").GetString();

        var client = new GuardDutyClient(TestSessions.For(_moto));
        var page = await client.ListDetectorsAsync(new ListDetectorsRequest { MaxResults = GuardDutyClient.MaxDetectorsPerPage });
        Assert.Equal(new[] { seeded }, page.DetectorIds);
        Assert.Equal(200, page.HttpStatusCode);

        var all = new List<string>();
        await foreach (var id in client.ListAllDetectorIdsAsync())
        {
            all.Add(id);
        }

        Assert.Equal(new[] { seeded }, all);

        var elsewhere = await new GuardDutyClient(TestSessions.For(_moto, "eu-north-1")).ListDetectorsAsync(new ListDetectorsRequest());
        Assert.Empty(elsewhere.DetectorIds);
    }
}
