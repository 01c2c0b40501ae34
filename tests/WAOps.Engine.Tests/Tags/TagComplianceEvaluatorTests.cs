using WAOps.Engine.Inventory;
using WAOps.Engine.Tags;
using Xunit;

namespace WAOps.Engine.Tests.Tags;

public sealed class TagComplianceEvaluatorTests
{
    private static InventoryResource Resource(params (string Key, string Value)[] tags) =>
        new("arn:aws:ec2:us-east-1:123456789012:instance/i-1", "us-east-1", new TagSet(tags.Select(t => KeyValuePair.Create(t.Key, t.Value))), DiscoverySource.TaggingApi);

    private static readonly TagPolicy Policy = TagPolicy.Create(
        TagPolicy.DefaultRequiredKeys,
        new Dictionary<string, IReadOnlyList<string>> { ["Environment"] = new[] { "dev", "staging", "prod" }, ["CostCenter"] = new[] { "CC-*" } },
        null, "test");

    [Fact]
    public void AllFourKeysWithAllowedValuesIsCompliant()
    {
        var result = TagComplianceEvaluator.Evaluate(Resource(("Environment", "prod"), ("Project", "shop"), ("Team", "web"), ("CostCenter", "CC-42")), Policy);
        Assert.True(result.Compliant);
        Assert.Empty(result.MissingKeys);
        Assert.Equal("ec2:instance", result.ResourceType);
        Assert.Equal("i-1", result.ResourceId);
        Assert.Equal("123456789012", result.AccountId);
    }

    [Fact]
    public void NeverTaggedMissesEveryKey()
    {
        var result = TagComplianceEvaluator.Evaluate(Resource(), Policy);
        Assert.False(result.Compliant);
        Assert.Equal(TagPolicy.DefaultRequiredKeys, result.MissingKeys);
    }

    [Fact]
    public void ResultsMissingTheSameKeysShareOneListAndOthersGetTheirOwn()
    {
        var first = TagComplianceEvaluator.Evaluate(Resource(("Environment", "prod"), ("Team", "web")), Policy);
        var second = TagComplianceEvaluator.Evaluate(Resource(("Team", "data"), ("Environment", "dev")), Policy);
        var other = TagComplianceEvaluator.Evaluate(Resource(("Project", "shop")), Policy);
        var compliant = TagComplianceEvaluator.Evaluate(Resource(("Environment", "prod"), ("Project", "shop"), ("Team", "web"), ("CostCenter", "CC-1")), Policy);

        Assert.Equal(new[] { "Project", "CostCenter" }, first.MissingKeys);
        Assert.Same(first.MissingKeys, second.MissingKeys);
        Assert.Equal(new[] { "Environment", "Team", "CostCenter" }, other.MissingKeys);
        Assert.NotSame(first.MissingKeys, other.MissingKeys);
        Assert.Empty(compliant.MissingKeys);
    }

    [Fact]
    public void APolicyOfManyKeysStillListsWhatIsMissing()
    {
        var keys = Enumerable.Range(1, 12).Select(i => $"Key{i}").ToList();
        var policy = TagPolicy.Create(keys, null, null, "test");
        var result = TagComplianceEvaluator.Evaluate(Resource(("Key1", "a"), ("Key12", "b")), policy);
        Assert.Equal(keys.Skip(1).Take(10), result.MissingKeys);
    }

    [Fact]
    public void AMisCasedKeyIsReportedAsMisCasedNotMissing()
    {
        var result = TagComplianceEvaluator.Evaluate(Resource(("environment", "prod"), (" Project ", "shop"), ("Team", "web"), ("CostCenter", "CC-1")), Policy);
        Assert.False(result.Compliant);
        Assert.Empty(result.MissingKeys);
        Assert.Equal(new[] { "environment->Environment", " Project ->Project" }, result.MisCasedKeys);
    }

    [Fact]
    public void ValuesOutsideTheAllowedSetAreInvalidAndCaseMatters()
    {
        var result = TagComplianceEvaluator.Evaluate(Resource(("Environment", "Prod"), ("Project", "shop"), ("Team", "web"), ("CostCenter", "1234")), Policy);
        Assert.Equal(new[] { "Environment=Prod", "CostCenter=1234" }, result.InvalidValues);
        Assert.False(result.Compliant);
    }

    [Fact]
    public void TheValueOfAMisCasedKeyIsStillChecked()
    {
        var result = TagComplianceEvaluator.Evaluate(Resource(("ENVIRONMENT", "qa"), ("Project", "shop"), ("Team", "web"), ("CostCenter", "CC-1")), Policy);
        Assert.Equal(new[] { "ENVIRONMENT->Environment" }, result.MisCasedKeys);
        Assert.Equal(new[] { "ENVIRONMENT=qa" }, result.InvalidValues);
    }

    [Fact]
    public void AwsReservedKeysNeverCountAsARequiredKey()
    {
        var result = TagComplianceEvaluator.Evaluate(Resource(("aws:cloudformation:stack-name", "x"), ("aws:environment", "prod")), TagPolicy.Create(new[] { "Environment" }, null, null, "t"));
        Assert.Equal(new[] { "Environment" }, result.MissingKeys);
        Assert.Empty(result.MisCasedKeys);
    }

    [Fact]
    public void ListsPrintAsTextForCsvAndTables()
    {
        var result = TagComplianceEvaluator.Evaluate(Resource(("Project", "shop")), Policy);
        Assert.Equal("Environment; Team; CostCenter", result.MissingKeys.ToString());
        Assert.Equal("Project=shop", result.Tags.ToString());
    }
}
