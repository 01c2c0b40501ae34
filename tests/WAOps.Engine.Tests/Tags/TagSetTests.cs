using WAOps.Engine.Tags;
using Xunit;

namespace WAOps.Engine.Tests.Tags;

public sealed class TagSetTests
{
    private static TagSet Tags(params (string Key, string? Value)[] tags) =>
        new(tags.Select(t => KeyValuePair.Create(t.Key, t.Value!)));

    [Fact]
    public void KeysComeInOrdinalOrderWhateverOrderTheyWereGivenIn()
    {
        var tags = Tags(("team", "c"), ("Team", "b"), ("CostCenter", "a"), ("aws:cloudformation:stack-name", "s"), ("Environment", "dev"));
        Assert.Equal(new[] { "CostCenter", "Environment", "Team", "aws:cloudformation:stack-name", "team" }, tags.Keys);
        Assert.Equal(new[] { "a", "dev", "b", "s", "c" }, tags.Values);
        Assert.Equal("CostCenter=a; Environment=dev; Team=b; aws:cloudformation:stack-name=s; team=c", tags.ToString());
    }

    [Fact]
    public void LookupIsCaseSensitiveAsInAws()
    {
        var tags = Tags(("Environment", "prod"), ("team", "web"));
        Assert.True(tags.ContainsKey("Environment"));
        Assert.False(tags.ContainsKey("environment"));
        Assert.False(tags.TryGetValue("Team", out _));
        Assert.True(tags.TryGetValue("team", out var team));
        Assert.Equal("web", team);
        Assert.Equal("prod", tags["Environment"]);
        Assert.Throws<KeyNotFoundException>(() => tags["Project"]);
    }

    [Fact]
    public void AKeyGivenTwiceKeepsItsLastValueAndAMissingValueIsEmpty()
    {
        var tags = Tags(("Project", "one"), ("Team", null), ("Project", "two"));
        Assert.Equal(2, tags.Count);
        Assert.Equal("two", tags["Project"]);
        Assert.Equal(string.Empty, tags["Team"]);
    }

    [Fact]
    public void ManyTagsInReverseOrderAreAllFoundAndSorted()
    {
        var keys = Enumerable.Range(0, 50).Select(i => $"Key{i:D2}").Reverse().ToList();
        var tags = new TagSet(keys.Select(k => KeyValuePair.Create(k, k.ToLowerInvariant())));
        Assert.Equal(50, tags.Count);
        Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), tags.Keys);
        Assert.All(keys, k => Assert.Equal(k.ToLowerInvariant(), tags[k]));
    }

    [Fact]
    public void AMisCasedKeyIsFoundButNeitherTheExactOneNorAnAwsKey()
    {
        var tags = Tags(("aws:environment", "x"), (" Environment ", "dev"), ("project", "shop"), ("Team", "web"));
        Assert.Equal(" Environment ", tags.FindMisCasedKey("Environment"));
        Assert.Equal("project", tags.FindMisCasedKey("Project"));
        Assert.Null(tags.FindMisCasedKey("Team"));
        Assert.Null(tags.FindMisCasedKey("CostCenter"));
        Assert.Equal("dev", tags.FindValue("Environment"));
        Assert.Equal("web", tags.FindValue("Team"));
        Assert.Null(tags.FindValue("CostCenter"));
    }

    [Fact]
    public void ArraysListsSpansAndSequencesMakeTheSameSet()
    {
        var pairs = new[] { KeyValuePair.Create("Team", "web"), KeyValuePair.Create("Project", "one"), KeyValuePair.Create("Team", "data"), KeyValuePair.Create("Env", (string)null!) };
        var fromSequence = new TagSet(pairs.Select(p => p));
        Assert.Equal("Env=; Project=one; Team=data", fromSequence.ToString());
        Assert.Equal(fromSequence, new TagSet((IEnumerable<KeyValuePair<string, string>>)pairs));
        Assert.Equal(fromSequence, new TagSet(pairs.ToList()));
        Assert.Equal(fromSequence, new TagSet(pairs.AsSpan()));
        Assert.Equal(new[] { "web" }, new TagSet(pairs.AsSpan(0, 1)).Values);
        Assert.Equal("Team", pairs[0].Key);
    }

    [Fact]
    public void AMissingKeyIsRefusedHoweverTheTagsCome()
    {
        var pairs = new[] { KeyValuePair.Create("Team", "web"), KeyValuePair.Create((string)null!, "x") };
        Assert.Throws<ArgumentNullException>(() => new TagSet(pairs.AsSpan()));
        Assert.Throws<ArgumentNullException>(() => new TagSet(pairs.ToList()));
        Assert.Throws<ArgumentNullException>(() => new TagSet(pairs.Select(p => p)));
    }

    [Fact]
    public void EmptyHasNoTags()
    {
        Assert.Empty(TagSet.Empty);
        Assert.Equal(string.Empty, TagSet.Empty.ToString());
        Assert.Null(TagSet.Empty.FindValue("Environment"));
    }
}
