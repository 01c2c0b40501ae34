using System.Text;
using WAOps.Aws.Protocol.Json;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

/// <summary>Reading one top-level member of an answer (a page's token) without parsing the rest.</summary>
public class AwsJsonMemberPeekTests
{
    private static string? Peek(string json, string name = "PaginationToken") => AwsJsonMemberPeek.ReadString(Encoding.UTF8.GetBytes(json), name);

    [Fact]
    public void FindsTheMemberAfterALargeList()
    {
        var mappings = string.Join(",", Enumerable.Range(0, 100).Select(i =>
            $$"""{"ResourceARN":"arn:aws:sqs:us-east-1:123456789012:q{{i}}","Tags":[{"Key":"PaginationToken","Value":"not-this-{{i}}"}]}"""));
        Assert.Equal("page-2", Peek($$"""{"ResourceTagMappingList":[{{mappings}}],"PaginationToken":"page-2"}"""));
    }

    [Fact]
    public void FindsTheMemberBeforeTheList() =>
        Assert.Equal("t", Peek("""{"PaginationToken":"t","ResourceTagMappingList":[{"ResourceARN":"a"}]}"""));

    [Fact]
    public void MatchesTheNameWithoutRegardToCaseAsTheAnswerIsRead() =>
        Assert.Equal("t", Peek("""{"paginationToken":"t"}"""));

    [Fact]
    public void NestedMembersOfTheSameNameAreNotTheAnswer() =>
        Assert.Null(Peek("""{"Page":{"PaginationToken":"inner"},"List":[{"PaginationToken":"item"}]}"""));

    [Theory]
    [InlineData("""{"ResourceTagMappingList":[]}""")]
    [InlineData("""{"PaginationToken":null}""")]
    [InlineData("""{"PaginationToken":42}""")]
    [InlineData("""{"PaginationToken":{"Value":"t"}}""")]
    [InlineData("""["PaginationToken","t"]""")]
    [InlineData("")]
    [InlineData("""{"ResourceTagMappingList":[{"ResourceARN":"a"},""")]
    [InlineData("not json")]
    public void AnswersNullWhenThereIsNoStringMember(string json) => Assert.Null(Peek(json));
}
