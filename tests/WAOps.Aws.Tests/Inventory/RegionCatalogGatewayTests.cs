using WAOps.Aws.Inventory;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Aws.Tests.Inventory;

/// <summary>Which -Region values need a DescribeRegions call to be accepted, and what its answer decides.</summary>
public sealed class RegionCatalogGatewayTests
{
    // EC2's DescribeRegions answer (ec2 query protocol) with one default and one opt-in region the account has not enabled.
    private const string RegionsAnswer = """
        <DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
          <requestId>req-1</requestId>
          <regionInfo>
            <item><regionName>us-east-1</regionName><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>
            <item><regionName>af-south-1</regionName><regionEndpoint>ec2.af-south-1.amazonaws.com</regionEndpoint><optInStatus>not-opted-in</optInStatus></item>
          </regionInfo>
        </DescribeRegionsResponse>
        """;

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-north-1")]
    [InlineData("ap-northeast-3")]
    public async Task A_region_every_account_has_enabled_is_accepted_without_a_call(string region)
    {
        using var endpoint = new CapturingEndpoint(contentType: "text/xml", body: RegionsAnswer);
        var regions = await RegionCatalogGateway.ValidateAsync(TestSessions.For(endpoint.Endpoint), new[] { region, region }, CancellationToken.None);

        Assert.Equal(new[] { region }, regions);
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public async Task An_opt_in_region_is_checked_with_DescribeRegions_and_refused_when_not_enabled()
    {
        using var endpoint = new CapturingEndpoint(contentType: "text/xml", body: RegionsAnswer);
        var error = await Assert.ThrowsAsync<WAOpsException>(() =>
            RegionCatalogGateway.ValidateAsync(TestSessions.For(endpoint.Endpoint), new[] { "us-east-1", "af-south-1" }, CancellationToken.None));

        Assert.Equal(RegionErrorIds.RegionNotEnabled, error.ErrorId);
        Assert.Contains("Action=DescribeRegions", Assert.Single(endpoint.Requests).BodyText);
    }

    [Fact]
    public async Task A_region_of_another_partition_is_not_taken_for_granted()
    {
        // cn-north-1 is enabled in every China account, but an aws-partition account does not have it.
        using var endpoint = new CapturingEndpoint(contentType: "text/xml", body: RegionsAnswer);
        var error = await Assert.ThrowsAsync<WAOpsException>(() =>
            RegionCatalogGateway.ValidateAsync(TestSessions.For(endpoint.Endpoint), new[] { "cn-north-1" }, CancellationToken.None));

        Assert.Equal(RegionErrorIds.UnknownRegion, error.ErrorId);
        Assert.Single(endpoint.Requests);
    }
}
