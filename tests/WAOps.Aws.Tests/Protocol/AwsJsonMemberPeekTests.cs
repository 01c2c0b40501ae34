using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    [InlineData("""{"A":[1],"PaginationToken":"t"}""")]
    [InlineData("{ \"A\" : [1] ,\r\n\t\"PaginationToken\" : \"t\" \n}\n")]
    [InlineData("""{"PaginationToken":"t","A":[1]}""")]
    [InlineData("\n { \t\"PaginationToken\"\n:\n\"t\" , \"A\":[1]}")]
    [InlineData("""{"A":"PaginationToken","B":{"PaginationToken":"inner"},"PaginationToken":"t"}""")]
    public void ReadsTheMemberAtEitherEndWhateverTheSpacing(string json) => Assert.Equal("t", Peek(json));

    [Theory]
    [InlineData("""{"PaginationToken":"a\"b\\","A":[1]}""", "a\"b\\")]
    [InlineData("""{"A":[1],"PaginationToken":"a\"b\\"}""", "a\"b\\")]
    [InlineData("""{"A":[1],"PaginationToken":"x\": \"y"}""", "x\": \"y")]
    [InlineData("""{"A":[1],"PaginationToken":"caf\u00e9"}""", "café")]
    [InlineData("""{"A":[1],"PaginationToken":"café ☕"}""", "café ☕")]
    [InlineData("""{"A":[1],"PaginationToken":""}""", "")]
    public void EscapedAndNonAsciiValuesReadAsTheirText(string json, string expected) => Assert.Equal(expected, Peek(json));

    [Theory]
    [InlineData("""{"A":[{"PaginationToken":"inner"}]}""")]
    [InlineData("""{"B":{"PaginationToken":"inner"}}""")]
    [InlineData("""{"A":"PaginationToken"}""")]
    [InlineData("""{"A":"x","B":"\"PaginationToken\":\"inner\""}""")]
    [InlineData("""{"x\"PaginationToken":"inner"}""")]
    public void TextThatOnlyLooksLikeTheMemberIsNotTheAnswer(string json) => Assert.Null(Peek(json));

    [Fact]
    public void GeneratedAnswersReadAsAFullParseReadsThem()
    {
        var random = new Random(20261127);
        string Text() => new(Enumerable.Range(0, random.Next(0, 10)).Select(_ => "ab\\\"{}[]:, é☕PaginationToken"[random.Next(27)]).ToArray());
        JsonNode Noise(int depth) => random.Next(depth > 2 ? 1 : 4) switch
        {
            0 => JsonValue.Create(Text()),
            1 => new JsonObject { [random.Next(3) == 0 ? "PaginationToken" : Text()] = Noise(depth + 1), ["Tags"] = Noise(depth + 1) },
            2 => new JsonArray(Noise(depth + 1), Noise(depth + 1)),
            _ => JsonValue.Create(random.Next()),
        };
        for (var round = 0; round < 300; round++)
        {
            var root = new JsonObject();
            var members = new List<(string Name, JsonNode? Value)> { ("ResourceTagMappingList", new JsonArray(Noise(0), Noise(0))), ("Other", Noise(0)) };
            if (random.Next(5) != 0)
            {
                members.Insert(random.Next(members.Count + 1), ("PaginationToken", random.Next(6) == 0 ? null : JsonValue.Create(Text())));
            }

            foreach (var (name, value) in members)
            {
                root[name] = value;
            }

            var json = root.ToJsonString(new JsonSerializerOptions { WriteIndented = random.Next(2) == 0, Encoder = random.Next(2) == 0 ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default });
            var expected = JsonNode.Parse(json)!["PaginationToken"] is JsonValue token && token.TryGetValue<string>(out var text) ? text : null;
            Assert.True(expected == Peek(json), json);
        }
    }

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
