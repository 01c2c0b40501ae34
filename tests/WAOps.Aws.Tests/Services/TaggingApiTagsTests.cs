using WAOps.Aws.Services.ResourceGroupsTagging.Model;
using Xunit;

namespace WAOps.Aws.Tests.Services;

/// <summary>The Tagging API's tag lists as the engine's TagSet (pure conversion, no network).</summary>
public class TaggingApiTagsTests
{
    private static List<Tag> List(params (string? Key, string? Value)[] tags) => tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList();

    [Fact]
    public void KeylessTagsAreLeftOutAndMissingValuesAreEmpty()
    {
        var set = List(("Team", "web"), (null, "orphan"), ("Project", null)).ToTagSet();
        Assert.Equal("Project=; Team=web", set.ToString());
    }

    [Fact]
    public void EachListConvertsOnItsOwnHoweverLongTheOneBefore()
    {
        var many = List(Enumerable.Range(0, 80).Select(i => ((string?)$"Key{i:D2}", (string?)$"v{i}")).ToArray()).ToTagSet();
        Assert.Equal(80, many.Count);
        Assert.Equal("v79", many["Key79"]);

        var few = List(("Environment", "dev"), ("Team", "web")).ToTagSet();
        Assert.Equal("Environment=dev; Team=web", few.ToString());

        Assert.Same(Engine.Tags.TagSet.Empty, new List<Tag>().ToTagSet());
        Assert.Empty(List((null, "x")).ToTagSet());
    }
}
