using WAOps.Engine.Text;
using Xunit;

namespace WAOps.Engine.Tests.Text;

public sealed class WildcardPatternTests
{
    [Theory]
    [InlineData("prod", "prod", true)]
    [InlineData("prod", "Prod", false)]
    [InlineData("CC-*", "CC-1234", true)]
    [InlineData("CC-*", "cc-1234", false)]
    [InlineData("CC-????", "CC-12345", false)]
    [InlineData("CC-????", "CC-1234", true)]
    [InlineData("team-[abc]", "team-b", true)]
    [InlineData("team-[abc]", "team-d", false)]
    [InlineData("a.b", "aXb", false)]
    [InlineData("a`*", "a*", true)]
    [InlineData("a`*", "ab", false)]
    [InlineData("(x)+", "(x)+", true)]
    [InlineData("*", "", true)]
    public void MatchesLikePowerShellWildcards(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, new WildcardPattern(pattern).IsMatch(value));
    }

    [Fact]
    public void CanIgnoreCase()
    {
        Assert.True(new WildcardPattern("PROD*", ignoreCase: true).IsMatch("production"));
    }

    [Fact]
    public void NullNeverMatches()
    {
        Assert.False(new WildcardPattern("*").IsMatch(null));
    }

    [Fact]
    public void KnowsWhetherItHasWildcards()
    {
        Assert.False(new WildcardPattern("prod").HasWildcards);
        Assert.True(new WildcardPattern("prod*").HasWildcards);
    }
}
