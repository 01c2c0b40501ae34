using WAOps.Engine.Cleanup;
using Xunit;
using static WAOps.Engine.Tests.Cleanup.CleanupFixtures;

namespace WAOps.Engine.Tests.Cleanup;

public sealed class CleanupScopeGuardTests
{
    private static readonly CleanupScopeGuard Guard = new(new[] { "dev", "sandbox-*" }, CleanupTags.DefaultExclusionKey, olderThanDays: 0);

    [Theory]
    [InlineData("prod")]
    [InlineData("Prod ")]
    [InlineData("PRODUCTION")]
    [InlineData(" production")]
    [InlineData("p r o d")]
    [InlineData("Pro\u200bduction")]
    [InlineData("prod-eu")]
    [InlineData("eu_production")]
    [InlineData("PROD2")]
    [InlineData("pre-prod")]
    [InlineData("ｐｒｏｄ")]
    public void ProductionIsRecognizedInAnyCaseAndSpacing(string value) => Assert.True(EnvironmentNames.IsProduction(value));

    [Theory]
    [InlineData("dev")]
    [InlineData("preprod")]
    [InlineData("product-dev")]
    [InlineData("productivity")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherValuesAreNotProduction(string? value) => Assert.False(EnvironmentNames.IsProduction(value));

    [Theory]
    [InlineData("Environment", "dev")]
    [InlineData("environment", " Dev ")]
    [InlineData(" ENV ", "DEV")]
    [InlineData("Environment", "sandbox-team1")]
    public void ASelectedEnvironmentIsInScopeWhateverTheKeyAndValueSpelling(string key, string value)
    {
        var verdict = Guard.Evaluate(TagsOf((key, value)), Now.AddDays(-1), Now);
        Assert.Equal(ScopeReason.InScope, verdict.Reason);
        Assert.True(verdict.InScope);
    }

    [Fact]
    public void ProductionOnAnyEnvironmentKeyWinsOverASelectedOne()
    {
        var verdict = Guard.Evaluate(TagsOf(("Environment", "dev"), ("env", "Production ")), Now, Now);
        Assert.Equal(ScopeReason.Production, verdict.Reason);
        Assert.Contains("never acted on", verdict.Explanation);
    }

    [Theory]
    [InlineData(ScopeReason.NoEnvironmentTag, "Name", "box")]
    [InlineData(ScopeReason.NoEnvironmentTag, "EnvironmentName", "dev")]
    [InlineData(ScopeReason.OtherEnvironment, "Environment", "staging")]
    [InlineData(ScopeReason.OtherEnvironment, "Environment", "sandbox")]
    public void OtherTagSetsAreOutOfScope(ScopeReason reason, string key, string value)
    {
        var verdict = Guard.Evaluate(TagsOf((key, value)), Now, Now);
        Assert.Equal(reason, verdict.Reason);
        Assert.False(verdict.InScope);
        Assert.False(verdict.IsExcludedInEnvironment);
    }

    [Fact]
    public void EnvironmentTagsThatDisagreeKeepTheResource()
    {
        var verdict = Guard.Evaluate(TagsOf(("Environment", "dev"), ("env", "staging")), Now, Now);
        Assert.Equal(ScopeReason.ConflictingEnvironmentTags, verdict.Reason);
        Assert.Equal(ScopeReason.InScope, Guard.Evaluate(TagsOf(("Environment", "dev"), ("env", " DEV")), Now, Now).Reason);
    }

    [Theory]
    [InlineData("waops:keep", "")]
    [InlineData("WAOps:Keep ", "false")]
    public void TheExclusionTagKeepsTheResourceWhateverItsValue(string key, string value)
    {
        var verdict = Guard.Evaluate(Dev((key, value)), Now, Now);
        Assert.Equal(ScopeReason.ExclusionTag, verdict.Reason);
        Assert.True(verdict.IsExcludedInEnvironment);
    }

    [Fact]
    public void AConfiguredExclusionTagReplacesTheDefault()
    {
        var guard = new CleanupScopeGuard(new[] { "dev" }, "DoNotDelete", 0);
        Assert.Equal(ScopeReason.ExclusionTag, guard.Evaluate(Dev(("donotdelete", "yes")), Now, Now).Reason);
        Assert.Equal(ScopeReason.InScope, guard.Evaluate(Dev(("waops:keep", "yes")), Now, Now).Reason);
    }

    [Theory]
    [InlineData("2026-11-25", ScopeReason.ProtectedUntil)]          // protects through the end of that day
    [InlineData("2026-12-31", ScopeReason.ProtectedUntil)]
    [InlineData("2026-11-24", ScopeReason.InScope)]
    [InlineData("2026-11-25T22:00:00Z", ScopeReason.ProtectedUntil)]
    [InlineData("2026-11-25T21:00:00Z", ScopeReason.InScope)]
    [InlineData("2026-11-25T23:00:00+02:00", ScopeReason.InScope)]  // 21:00 UTC
    [InlineData("next week", ScopeReason.UnreadableProtectUntil)]
    [InlineData("2026-13-01", ScopeReason.UnreadableProtectUntil)]
    [InlineData("25/12/2026", ScopeReason.UnreadableProtectUntil)]
    [InlineData("", ScopeReason.UnreadableProtectUntil)]
    public void ProtectUntilIsHonouredAndAnUnreadableDateProtects(string value, ScopeReason expected) =>
        Assert.Equal(expected, Guard.Evaluate(Dev((" WAOps:Protect-Until", value)), Now, Now).Reason);

    [Fact]
    public void OlderThanDaysKeepsYoungResourcesAndThoseOfUnknownAge()
    {
        var guard = new CleanupScopeGuard(new[] { "dev" }, CleanupTags.DefaultExclusionKey, olderThanDays: 30);
        Assert.Equal(ScopeReason.TooYoung, guard.Evaluate(Dev(), Now.AddDays(-29.9), Now).Reason);
        Assert.Equal(ScopeReason.InScope, guard.Evaluate(Dev(), Now.AddDays(-30), Now).Reason);
        Assert.Equal(ScopeReason.AgeUnknown, guard.Evaluate(Dev(), null, Now).Reason);
        Assert.Equal(ScopeReason.InScope, Guard.Evaluate(Dev(), null, Now).Reason);
    }
}
