using WAOps.Engine.Documents;
using WAOps.Engine.Inventory;
using Xunit;

namespace WAOps.Engine.Tests.Inventory;

public sealed class DocumentPositionsTests
{
    [Fact]
    public void YamlValuesKeepTheirLineAndColumn()
    {
        var document = StructuredDocument.ParseLocated("Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: false\n", "t.yaml", "Invalid");
        Assert.Equal((5, 16), document.Positions.Find("/Resources/Db/Properties/MultiAZ"));
        Assert.Equal((3, 11), document.Positions.Find("/Resources/Db/Type"));
        Assert.Equal((5, 16), document.Positions.Find("/Resources/Db/Properties/MultiAZ/Missing"));
        Assert.Equal("'t.yaml' line 3, column 11", document.Describe("/Resources/Db/Type"));
    }

    [Fact]
    public void JsonValuesKeepTheirLineAndColumnWithCommentsAndArrays()
    {
        var text = "{\n  // a comment\n  \"a\": [1,\n        {\"b/c\": \"é\", \"d\": true}],\n  \"e\": null\n}";
        var document = StructuredDocument.ParseLocated(text, "t.json", "Invalid");
        Assert.Equal((3, 8), document.Positions.Find("/a"));
        Assert.Equal((3, 9), document.Positions.Find("/a/0"));
        Assert.Equal((4, 17), document.Positions.Find("/a/1/b~1c"));
        Assert.Equal((4, 27), document.Positions.Find("/a/1/d"));
        Assert.Equal((5, 8), document.Positions.Find("/e"));
        Assert.Equal((1, 1), document.Positions.Find(string.Empty));
    }

    [Fact]
    public void FactsAreUnknownByDefaultAndSayWhy()
    {
        Fact<bool> missing = default;
        Assert.False(missing.IsKnown);
        Assert.Equal("not collected", missing.Reason);
        Assert.Throws<InvalidOperationException>(() => missing.Value);
        Fact<string?> none = null;
        Assert.True(none.IsKnown);
        Assert.Equal("none", none.ToString());
        var failed = Fact<int>.ReadFailed("denied").Select(v => v.ToString());
        Assert.True(failed.IsReadFailure);
        Assert.Equal("unknown (denied)", failed.ToString());
        Assert.Equal("[a, b]", Facts.List(new[] { "a", "b" }).ToString());
    }
}
