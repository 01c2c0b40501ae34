using System.Text;
using System.Text.Json;
using WAOps.Aws.Protocol.Json;
using WAOps.Aws.Services.ResourceGroupsTagging.Model;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

/// <summary>
/// The dedicated GetResources reader reads every answer to the same objects as the generic serializer, which the
/// rest of the wire tests pin down; the one difference on purpose is a JSON null list, which it reads as empty.
/// </summary>
public class GetResourcesPageReaderTests
{
    // Both results written out with the serializer's own settings: equal text means equal objects.
    private static void AssertReadsAsTheSerializer(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var expected = AwsJsonSerializer.Deserialize<GetResourcesResponse>(body);
        var actual = GetResourcesPageReader.Read(body);
        Assert.Equal(Encoding.UTF8.GetString(AwsJsonSerializer.Serialize(expected)), Encoding.UTF8.GetString(AwsJsonSerializer.Serialize(actual)));
    }

    [Fact]
    public void APageWithEveryMemberReadsAsTheSerializerReadsIt()
    {
        const string Page = """
            {"PaginationToken":"tok-1\u00e9\"x",
             "ResourceTagMappingList":[
               {"ResourceARN":"arn:aws:sqs:us-east-1:123456789012:q1","Tags":[{"Key":"Environment","Value":"dev"},{"Key":"Team","Value":null},{"Key":"Name","Value":"caf\u00e9 \ud83d\ude00"}]},
               {"ResourceARN":"arn:aws:s3:::b1","Tags":[],"ComplianceDetails":{"NoncompliantKeys":["CostCenter"],"KeysWithNoncompliantValues":["Environment"],"ComplianceStatus":false}},
               {"ResourceARN":"arn:aws:sns:us-east-1:123456789012:t1","ComplianceDetails":{"ComplianceStatus":true}},
               {"ResourceARN":"arn:aws:ec2:us-east-1:123456789012:volume/vol-1","Future":{"nested":[1,{"a":null}],"x":true},"Tags":[{"Key":"k","Value":"v","Extra":[]}]}
             ],
             "SomethingNew":[{"a":1}]}
            """;
        AssertReadsAsTheSerializer(Page);
        var page = GetResourcesPageReader.Read(Encoding.UTF8.GetBytes(Page));
        Assert.Equal("tok-1é\"x", page.PaginationToken);
        Assert.Equal(4, page.ResourceTagMappingList.Count);
        Assert.Equal("café 😀", page.ResourceTagMappingList[0].Tags[2].Value);
        Assert.Null(page.ResourceTagMappingList[0].Tags[1].Value);
        Assert.Equal(new[] { "CostCenter" }, page.ResourceTagMappingList[1].ComplianceDetails!.NoncompliantKeys);
        Assert.Equal("v", page.ResourceTagMappingList[3].Tags[0].Value);
    }

    [Fact]
    public void MemberNamesAreMatchedWithoutRegardToCaseAsTheSerializerDoes()
    {
        const string Page = """{"paginationtoken":"t","RESOURCETAGMAPPINGLIST":[{"resourceArn":"arn:aws:sqs:us-east-1:1:q","tags":[{"key":"A","VALUE":"b"}]}]}""";
        AssertReadsAsTheSerializer(Page);
        var page = GetResourcesPageReader.Read(Encoding.UTF8.GetBytes(Page));
        Assert.Equal("t", page.PaginationToken);
        Assert.Equal("b", page.ResourceTagMappingList.Single().Tags.Single().Value);
    }

    [Fact]
    public void GeneratedPagesReadAsTheSerializerReadsThem()
    {
        var random = new Random(20261126);
        string Text() => new(Enumerable.Range(0, random.Next(0, 12)).Select(_ => (char)random.Next(32, 0x2FF)).ToArray());
        for (var round = 0; round < 200; round++)
        {
            var page = new GetResourcesResponse { PaginationToken = random.Next(3) == 0 ? null : Text() };
            for (var i = random.Next(0, 40); i > 0; i--)
            {
                var mapping = new ResourceTagMapping { ResourceARN = random.Next(20) == 0 ? null : "arn:aws:sqs:us-east-1:1:" + Text() };
                for (var t = random.Next(0, 6); t > 0; t--)
                {
                    mapping.Tags.Add(new Tag { Key = Text(), Value = random.Next(8) == 0 ? null : Text() });
                }

                if (random.Next(4) == 0)
                {
                    mapping.ComplianceDetails = new ComplianceDetails { NoncompliantKeys = { Text() }, ComplianceStatus = random.Next(2) == 0 };
                }

                page.ResourceTagMappingList.Add(mapping);
            }

            // Written without leaving nulls out, so the reader also meets explicit nulls.
            var json = JsonSerializer.Serialize(page, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });
            AssertReadsAsTheSerializer(json);
        }
    }

    [Fact]
    public void AnEmptyBodyOrJsonNullIsAnEmptyPage()
    {
        Assert.Empty(GetResourcesPageReader.Read(ReadOnlySpan<byte>.Empty).ResourceTagMappingList);
        Assert.Empty(GetResourcesPageReader.Read("null"u8).ResourceTagMappingList);
        Assert.Null(GetResourcesPageReader.Read("{}"u8).PaginationToken);
    }

    [Fact]
    public void ANullListIsReadAsEmptyWhereTheSerializerWouldLeaveNull()
    {
        var page = GetResourcesPageReader.Read("""{"ResourceTagMappingList":[{"ResourceARN":"arn:aws:s3:::b","Tags":null}]}"""u8);
        Assert.Empty(page.ResourceTagMappingList.Single().Tags);
        Assert.Empty(GetResourcesPageReader.Read("""{"ResourceTagMappingList":null}"""u8).ResourceTagMappingList);
    }

    [Theory]
    [InlineData("""{"ResourceTagMappingList":[{"ResourceARN":"arn:aws:s3:::b"}""")]
    [InlineData("""{"ResourceTagMappingList":[{"ResourceARN":42}]}""")]
    [InlineData("""{"ResourceTagMappingList":{"ResourceARN":"x"}}""")]
    [InlineData("""{"ResourceTagMappingList":[{"Tags":[{"Key":["x"]}]}]}""")]
    [InlineData("""{"ResourceTagMappingList":[{"ComplianceDetails":{"ComplianceStatus":"yes"}}]}""")]
    [InlineData("""{"PaginationToken":"a"} {}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""<html>""")]
    public void MalformedAnswersAreJsonErrorsAsFromTheSerializer(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        Assert.ThrowsAny<JsonException>(() => AwsJsonSerializer.Deserialize<GetResourcesResponse>(body));
        Assert.ThrowsAny<JsonException>(() => GetResourcesPageReader.Read(body));
    }

    [Fact]
    public void RepeatedTagTextsComeBackAsOneStringAndEveryTextReadsRight()
    {
        static string Page(IEnumerable<(string Key, string Value)> tags) =>
            "{\"ResourceTagMappingList\":[{\"ResourceARN\":\"arn:aws:s3:::b\",\"Tags\":["
            + string.Join(",", tags.Select(t => $"{{\"Key\":\"{t.Key}\",\"Value\":\"{t.Value}\"}}")) + "]}]}";

        var first = GetResourcesPageReader.Read(Encoding.UTF8.GetBytes(Page(new[] { ("Environment", "prod"), ("Team", "web") })));
        var second = GetResourcesPageReader.Read(Encoding.UTF8.GetBytes(Page(new[] { ("Environment", "prod"), ("Team", "data") })));
        Assert.Same(first.ResourceTagMappingList[0].Tags[0].Key, second.ResourceTagMappingList[0].Tags[0].Key);
        Assert.Same(first.ResourceTagMappingList[0].Tags[0].Value, second.ResourceTagMappingList[0].Tags[0].Value);
        Assert.Equal("data", second.ResourceTagMappingList[0].Tags[1].Value);

        // Many distinct texts share the table's slots: each still reads as itself, escaped or long ones too.
        var tags = Enumerable.Range(0, 3000).Select(i => (Key: $"key-{i % 700}", Value: i % 3 == 0 ? $"value-{i}" : i % 3 == 1 ? $"\\u0076al-{i}" : new string('x', 40 + (i % 20)) + i)).ToList();
        for (var round = 0; round < 2; round++)
        {
            var read = GetResourcesPageReader.Read(Encoding.UTF8.GetBytes(Page(tags))).ResourceTagMappingList[0].Tags;
            Assert.Equal(tags.Count, read.Count);
            for (var i = 0; i < tags.Count; i++)
            {
                Assert.Equal(tags[i].Key, read[i].Key);
                Assert.Equal(tags[i].Value.Replace("\\u0076", "v", StringComparison.Ordinal), read[i].Value);
            }
        }
    }
}
