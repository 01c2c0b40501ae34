using System.Xml.Linq;
using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Query;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

public sealed class AwsQueryXmlReaderTests
{
    public sealed class Item
    {
        public string? Id { get; set; }

        public bool? Enabled { get; set; }
    }

    public sealed class Result : AwsResponse
    {
        public string? Marker { get; set; }

        public int? Count { get; set; }

        public DateTime? Created { get; set; }

        public List<Item> Items { get; set; } = new();

        public List<string> Names { get; set; } = new();

        [AwsFlattened]
        public List<string> Flat { get; set; } = new();

        public Dictionary<string, string> Attributes { get; set; } = new();

        public Item? Single { get; set; }
    }

    [Fact]
    public void ReadsMembersListsWhateverTheirItemNameFlattenedListsAndMaps()
    {
        var xml = XElement.Parse(
            """
            <DoThingResult xmlns="http://example.com/doc/2020-01-01/">
              <Marker>m1</Marker>
              <Count>3</Count>
              <Created>2026-11-25T01:02:03.456Z</Created>
              <Items><Item><Id>a</Id><Enabled>true</Enabled></Item><Item><Id>b</Id></Item></Items>
              <Names><member>x</member><member>y</member></Names>
              <Flat>f1</Flat><Flat>f2</Flat>
              <Attributes><entry><key>Policy</key><value>{}</value></entry><entry><key>Owner</key><value>123</value></entry></Attributes>
              <Single><Id>s</Id><Enabled>false</Enabled></Single>
              <Unknown>ignored</Unknown>
            </DoThingResult>
            """);

        var result = AwsQueryXmlReader.Read<Result>(xml);

        Assert.Equal("m1", result.Marker);
        Assert.Equal(3, result.Count);
        Assert.Equal(new DateTime(2026, 11, 25, 1, 2, 3, 456, DateTimeKind.Utc), result.Created);
        Assert.Equal(DateTimeKind.Utc, result.Created!.Value.Kind);
        Assert.Equal(new[] { "a", "b" }, result.Items.Select(i => i.Id));
        Assert.True(result.Items[0].Enabled);
        Assert.Null(result.Items[1].Enabled);
        Assert.Equal(new[] { "x", "y" }, result.Names);
        Assert.Equal(new[] { "f1", "f2" }, result.Flat);
        Assert.Equal("123", result.Attributes["Owner"]);
        Assert.False(result.Single!.Enabled);
    }

    [Fact]
    public void MissingResultElementGivesAnEmptyResponse()
    {
        var result = AwsQueryXmlReader.Read<Result>(null);
        Assert.Empty(result.Items);
        Assert.Null(result.Marker);
    }
}
