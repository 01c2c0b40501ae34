using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Query;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

public sealed class AwsQuerySerializerTests
{
    private sealed class Inner
    {
        public string? Name { get; set; }

        [AwsListMember("Value")]
        public List<string>? Values { get; set; }
    }

    private sealed class Request
    {
        public string? Plain { get; set; }

        public bool? Flag { get; set; }

        public int? Count { get; set; }

        public double? Ratio { get; set; }

        public DateTime? When { get; set; }

        [AwsListMember("Filter")]
        public List<Inner>? Filters { get; set; }

        public List<string>? Names { get; set; }

        [AwsFlattened]
        public List<string>? Flat { get; set; }

        public Dictionary<string, string>? Attributes { get; set; }

        [AwsWireName("Renamed")]
        public string? Original { get; set; }

        public Inner? Nested { get; set; }

        public List<string>? Empty { get; set; }
    }

    [Fact]
    public void SerializesScalarsListsMapsAndNestedMembersAsAwsQueryDoes()
    {
        var parameters = AwsQuerySerializer.Serialize("DoThing", "2020-01-01", new Request
        {
            Plain = "a b&c",
            Flag = false,
            Count = 7,
            Ratio = 0.5,
            When = new DateTime(2026, 11, 25, 1, 2, 3, DateTimeKind.Utc),
            Filters = new() { new Inner { Name = "engine", Values = new() { "postgres", "mysql" } } },
            Names = new() { "x", "y" },
            Flat = new() { "f1" },
            Attributes = new() { ["Policy"] = "{}" },
            Original = "r",
            Nested = new Inner { Name = "n" },
            Empty = new(),
        }).ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("DoThing", parameters["Action"]);
        Assert.Equal("2020-01-01", parameters["Version"]);
        Assert.Equal("a b&c", parameters["Plain"]);
        Assert.Equal("false", parameters["Flag"]);
        Assert.Equal("7", parameters["Count"]);
        Assert.Equal("0.5", parameters["Ratio"]);
        Assert.Equal("2026-11-25T01:02:03.000Z", parameters["When"]);
        Assert.Equal("engine", parameters["Filters.Filter.1.Name"]);
        Assert.Equal("postgres", parameters["Filters.Filter.1.Values.Value.1"]);
        Assert.Equal("mysql", parameters["Filters.Filter.1.Values.Value.2"]);
        Assert.Equal("y", parameters["Names.member.2"]);
        Assert.Equal("f1", parameters["Flat.1"]);
        Assert.Equal("Policy", parameters["Attributes.entry.1.key"]);
        Assert.Equal("{}", parameters["Attributes.entry.1.value"]);
        Assert.Equal("r", parameters["Renamed"]);
        Assert.Equal("n", parameters["Nested.Name"]);
        Assert.DoesNotContain(parameters.Keys, k => k.StartsWith("Empty", StringComparison.Ordinal));
        Assert.DoesNotContain("Original", parameters.Keys);
    }

    [Fact]
    public void FormBodyIsRfc3986Encoded()
    {
        var body = System.Text.Encoding.UTF8.GetString(AwsQuerySerializer.ToFormBody(new[] { KeyValuePair.Create("A.b", "x y/z~*") }));
        Assert.Equal("A.b=x%20y%2Fz~%2A", body);
    }
}
