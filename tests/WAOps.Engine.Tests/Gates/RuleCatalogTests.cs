using WAOps.Engine.Errors;
using WAOps.Engine.Gates;
using Xunit;

namespace WAOps.Engine.Tests.Gates;

public sealed class RuleCatalogTests
{
    [Fact]
    public void EveryRuleHasAStableUniqueIdAndItsMetadata()
    {
        Assert.Equal(RuleCatalog.Rules.Count, RuleCatalog.Rules.Select(r => r.Id).Distinct().Count());
        foreach (var rule in RuleCatalog.Rules)
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)+$", rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Title), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Description), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Remediation), rule.Id);
            Assert.NotEmpty(rule.AppliesTo);
        }
    }

    [Fact]
    public void EveryGateHasRulesAndTheLatestSetHasEveryRule()
    {
        Assert.Equal(Enum.GetValues<QualityGate>().Order(), RuleCatalog.Rules.Select(r => r.Gate).Distinct().Order());
        Assert.Equal("waops-2026.12", RuleCatalog.Latest.Id);
        Assert.Equal(RuleCatalog.Rules.Select(r => r.Id), RuleCatalog.Latest.RuleIds);
        // A released set never changes: 2026.11 keeps its 32 rules, the template cost rule came with 2026.12.
        Assert.Equal(32, RuleCatalog.GetRuleSet("waops-2026.11").RuleIds.Count);
        Assert.DoesNotContain("iac-cost-estimate", RuleCatalog.GetRuleSet("waops-2026.11").RuleIds);
    }

    [Fact]
    public void SelectionNarrowsByIdWildcardsExclusionsAndPillars()
    {
        Assert.Equal(new[] { "iam-no-wildcard-action", "iam-no-wildcard-resource", "iam-no-not-action" }, RuleCatalog.Select(null, new[] { "iam-*" }, null, null).Rules.Select(r => r.Id));
        Assert.DoesNotContain(RuleCatalog.Select(null, null, new[] { "tags-required" }, null).Rules, r => r.Id == "tags-required");
        Assert.All(RuleCatalog.Select("WAOPS-2026.11", null, null, new[] { Pillar.Reliability }).Rules, r => Assert.Equal(Pillar.Reliability, r.Pillar));
        var needed = RuleCatalog.Select(null, new[] { "ec2-instance-private-subnet" }, null, null).NeededKinds.Select(k => k.Name).Order();
        Assert.Equal(new[] { "ec2:instance", "ec2:route-table", "ec2:subnet" }, needed);
    }

    [Theory]
    [InlineData("rds-multi-az", null, null, GateErrorIds.UnknownRule)]
    [InlineData(null, "nope-*", null, GateErrorIds.UnknownRule)]
    [InlineData("tags-required", null, "Reliability", GateErrorIds.NoRuleSelected)]
    public void BadSelectionsAreRefused(string? include, string? exclude, string? pillar, string errorId)
    {
        var error = Assert.Throws<WAOpsException>(() => RuleCatalog.Select(null, include is null ? null : new[] { include }, exclude is null ? null : new[] { exclude },
            pillar is null ? null : new[] { Enum.Parse<Pillar>(pillar) }));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void AnUnknownRuleSetNamesTheKnownOnes()
    {
        var error = Assert.Throws<WAOpsException>(() => RuleCatalog.GetRuleSet("waops-2030.01"));
        Assert.Equal(GateErrorIds.UnknownRuleSet, error.ErrorId);
        Assert.Contains("waops-2026.11", error.Message);
    }
}
