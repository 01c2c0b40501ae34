using System.Text.Json.Nodes;
using WAOps.Aws.Services.CloudTrail;
using WAOps.Aws.Services.CloudTrail.Model;
using WAOps.Aws.Services.Iam;
using WAOps.Aws.Services.Organizations;
using WAOps.Aws.Services.Organizations.Model;
using WAOps.Aws.Tests.Support;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

/// <summary>
/// The requests of the quality gate collector equal the AWS CLI's, member for member, where moto would accept a
/// wrong spelling (moto reads CloudTrail's and Organizations' members leniently): both send to a capturing endpoint.
/// </summary>
public sealed class GateWireFormTests
{
    private static CapturedRequest CaptureCli(CapturingEndpoint endpoint, params string[] arguments)
    {
        try
        {
            ExternalTools.AwsCli(endpoint.Endpoint, "us-east-1", arguments);
        }
        catch (InvalidOperationException)
        {
            // Only the request matters.
        }

        Assert.True(endpoint.Requests.TryDequeue(out var request));
        return request!;
    }

    [Fact]
    public async Task DescribeTrailsSendsCamelCaseMembersAsTheAwsCliDoes()
    {
        using var endpoint = new CapturingEndpoint(body: "{\"trailList\":[]}");
        await new CloudTrailClient(TestSessions.For(endpoint.Endpoint)).DescribeTrailsAsync(new DescribeTrailsRequest { IncludeShadowTrails = true });
        Assert.True(endpoint.Requests.TryDequeue(out var waops));
        var cli = CaptureCli(endpoint, "cloudtrail", "describe-trails", "--include-shadow-trails");

        Assert.Equal(cli.Header("x-amz-target"), waops!.Header("x-amz-target"));
        Assert.Equal(cli.Header("content-type"), waops.Header("content-type"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cli.BodyText), JsonNode.Parse(waops.BodyText)), $"AWS CLI: {cli.BodyText}\nWAOps: {waops.BodyText}");
    }

    [Fact]
    public async Task GetEventSelectorsAndGetTrailStatusMatchTheAwsCli()
    {
        using var endpoint = new CapturingEndpoint();
        var client = new CloudTrailClient(TestSessions.For(endpoint.Endpoint));
        const string Arn = "arn:aws:cloudtrail:us-east-1:123456789012:trail/main";
        await client.GetEventSelectorsAsync(new GetEventSelectorsRequest { TrailName = Arn });
        Assert.True(endpoint.Requests.TryDequeue(out var selectors));
        var cliSelectors = CaptureCli(endpoint, "cloudtrail", "get-event-selectors", "--trail-name", Arn);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cliSelectors.BodyText), JsonNode.Parse(selectors!.BodyText)));
        Assert.Equal(cliSelectors.Header("x-amz-target"), selectors.Header("x-amz-target"));

        await client.GetTrailStatusAsync(new GetTrailStatusRequest { Name = Arn });
        Assert.True(endpoint.Requests.TryDequeue(out var status));
        var cliStatus = CaptureCli(endpoint, "cloudtrail", "get-trail-status", "--name", Arn);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cliStatus.BodyText), JsonNode.Parse(status!.BodyText)));
        Assert.Equal(cliStatus.Header("x-amz-target"), status.Header("x-amz-target"));
    }

    [Fact]
    public async Task ListAccountsGoesToOrganizationsSignedForUsEast1AsTheAwsCliDoes()
    {
        using var endpoint = new CapturingEndpoint(body: "{\"Accounts\":[]}");
        await new OrganizationsClient(TestSessions.For(endpoint.Endpoint, "eu-west-1")).ListAccountsAsync(new ListAccountsRequest { MaxResults = 20 });
        Assert.True(endpoint.Requests.TryDequeue(out var waops));
        var cli = CaptureCli(endpoint, "organizations", "list-accounts", "--max-results", "20", "--no-paginate");

        Assert.Equal(cli.Header("x-amz-target"), waops!.Header("x-amz-target"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cli.BodyText), JsonNode.Parse(waops.BodyText)), $"AWS CLI: {cli.BodyText}\nWAOps: {waops.BodyText}");
        Assert.Contains("/us-east-1/organizations/aws4_request", waops.Header("authorization"));
        Assert.Contains("/us-east-1/organizations/aws4_request", cli.Header("authorization"));
    }

    [Fact]
    public async Task GetAccountAuthorizationDetailsFormMatchesTheAwsCli()
    {
        using var endpoint = new CapturingEndpoint(contentType: "text/xml",
            body: "<GetAccountAuthorizationDetailsResponse><GetAccountAuthorizationDetailsResult><IsTruncated>false</IsTruncated></GetAccountAuthorizationDetailsResult></GetAccountAuthorizationDetailsResponse>");
        var pages = new IamClient(TestSessions.For(endpoint.Endpoint, "eu-west-1")).GetAccountAuthorizationDetailsPagesAsync(new[] { "User", "Role", "Group", "LocalManagedPolicy" });
        await foreach (var _ in pages)
        {
        }

        Assert.True(endpoint.Requests.TryDequeue(out var waops));
        var cli = CaptureCli(endpoint, "iam", "get-account-authorization-details", "--filter", "User", "Role", "Group", "LocalManagedPolicy", "--max-items", "1000", "--page-size", "1000");
        Assert.Equal(Form(cli.BodyText), Form(waops!.BodyText));
        Assert.Contains("/us-east-1/iam/aws4_request", waops.Header("authorization"));
    }

    private static SortedDictionary<string, string> Form(string body) => new(
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : string.Empty)),
        StringComparer.Ordinal);
}
