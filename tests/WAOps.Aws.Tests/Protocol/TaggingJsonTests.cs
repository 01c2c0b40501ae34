using System.Text;
using WAOps.Aws.Protocol.Json;
using WAOps.Aws.Services.ResourceGroupsTagging.Model;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

/// <summary>
/// The Tagging API's messages on the wire: members as declared, nulls and empty lists left out (as the SDKs leave
/// them out), answers read without regard to case and unknown members ignored.
/// </summary>
public class TaggingJsonTests
{
    private static string Write<T>(T value) => Encoding.UTF8.GetString(AwsJsonSerializer.Serialize(value));

    [Fact]
    public void GetResourcesRequestLeavesOutNullsAndEmptyLists()
    {
        var request = new GetResourcesRequest
        {
            ResourcesPerPage = 100,
            TagFilters = new() { new TagFilter { Key = "Team", Values = new() }, new TagFilter { Key = "Project", Values = new() { "shop" } } },
            ResourceTypeFilters = new(),
        };
        Assert.Equal("""{"TagFilters":[{"Key":"Team"},{"Key":"Project","Values":["shop"]}],"ResourcesPerPage":100}""", Write(request));
    }

    [Fact]
    public void TagAndUntagRequestsWriteTheirMembers()
    {
        Assert.Equal("""{"ResourceARNList":["arn:a"],"Tags":{"CostCenter":"1234"}}""",
            Write(new TagResourcesRequest { ResourceARNList = new() { "arn:a" }, Tags = new() { ["CostCenter"] = "1234" } }));
        Assert.Equal("""{"ResourceARNList":["arn:a"],"TagKeys":["costcenter"]}""",
            Write(new UntagResourcesRequest { ResourceARNList = new() { "arn:a" }, TagKeys = new() { "costcenter" } }));
    }

    [Fact]
    public void GetResourcesAnswerIsReadWithoutRegardToCase()
    {
        var page = AwsJsonSerializer.Deserialize<GetResourcesResponse>(Encoding.UTF8.GetBytes(
            """{"resourceTagMappingList":[{"ResourceARN":"arn:a","Tags":[{"Key":"Team","Value":"ops"}]}],"PaginationToken":"t","Unknown":1}"""));
        Assert.Equal("t", page.PaginationToken);
        var mapping = Assert.Single(page.ResourceTagMappingList);
        Assert.Equal("arn:a", mapping.ResourceARN);
        Assert.Equal(("Team", "ops"), (mapping.Tags[0].Key, mapping.Tags[0].Value));
        Assert.Null(page.RequestId);
    }

    [Fact]
    public void TagResourcesAnswerReadsItsFailures()
    {
        var answer = AwsJsonSerializer.Deserialize<TagResourcesResponse>(Encoding.UTF8.GetBytes(
            """{"FailedResourcesMap":{"arn:a":{"StatusCode":403,"ErrorCode":"InvalidParameterException","ErrorMessage":"denied"}}}"""));
        var failure = Assert.Single(answer.FailedResourcesMap);
        Assert.Equal(("arn:a", 403, "InvalidParameterException"), (failure.Key, failure.Value.StatusCode, failure.Value.ErrorCode));
    }
}
