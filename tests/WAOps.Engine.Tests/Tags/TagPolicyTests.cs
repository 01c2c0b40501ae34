using WAOps.Engine.Errors;
using WAOps.Engine.Tags;
using Xunit;

namespace WAOps.Engine.Tests.Tags;

public sealed class TagPolicyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("waops-policy-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static WAOpsException Fails(Action action) => Assert.ThrowsAny<WAOpsException>(action);

    [Fact]
    public void TheDefaultPolicyRequiresTheFourSeedKeys()
    {
        Assert.Equal(new[] { "Environment", "Project", "Team", "CostCenter" }, TagPolicy.Default.RequiredKeys);
        Assert.True(TagPolicy.Default.AppliesTo("anything:at-all"));
    }

    [Fact]
    public void AnEmptyRequiredListIsRejected()
    {
        var error = Fails(() => TagPolicy.Create(Array.Empty<string>(), null, null, "t"));
        Assert.Equal(TagPolicyErrorIds.EmptyRequiredTagList, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void AllowedValuesForAKeyThatIsNotRequiredAreRejected()
    {
        var error = Fails(() => TagPolicy.Create(new[] { "Environment" }, new Dictionary<string, IReadOnlyList<string>> { ["Owner"] = new[] { "x" } }, null, "t"));
        Assert.Equal(TagPolicyErrorIds.AllowedValueForUnrequiredKey, error.ErrorId);
    }

    [Theory]
    [InlineData("aws:created")]
    [InlineData("")]
    public void InvalidKeysAreRejected(string key)
    {
        Assert.Equal(TagPolicyErrorIds.InvalidTagKey, Fails(() => TagPolicy.Create(new[] { key }, null, null, "t")).ErrorId);
    }

    [Fact]
    public void KeysThatDifferOnlyInCaseCannotBothBeRequired()
    {
        Assert.Equal(TagPolicyErrorIds.DuplicateRequiredTag, Fails(() => TagPolicy.Create(new[] { "Environment", "environment" }, null, null, "t")).ErrorId);
    }

    [Fact]
    public void ReadsTheYamlPolicyWithScope()
    {
        var policy = TagPolicyFile.Load(Write("policy.yaml", """
            requiredTags: [Environment, Owner]
            allowedValues:
              Environment: [dev, prod]
            resourceTypes: ["ec2:*", "s3:bucket"]
            """));
        Assert.Equal(new[] { "Environment", "Owner" }, policy.RequiredKeys);
        Assert.True(policy.AllowedValues["Environment"][1].IsMatch("prod"));
        Assert.True(policy.AppliesTo("ec2:volume"));
        Assert.False(policy.AppliesTo("rds:db"));
    }

    [Fact]
    public void ReadsTheJsonPolicy()
    {
        var policy = TagPolicyFile.Load(Write("policy.json", """{ "requiredTags": ["CostCenter"], "allowedValues": { "CostCenter": "CC-*" } }"""));
        Assert.Equal(new[] { "CostCenter" }, policy.RequiredKeys);
        Assert.True(policy.AllowedValues["CostCenter"][0].IsMatch("CC-1"));
    }

    [Fact]
    public void ReadsAnOrganizationsTagPolicy()
    {
        var policy = TagPolicyFile.Load(Write("org.json", """
            { "tags": {
                "costcenter": { "tag_key": { "@@assign": "CostCenter" }, "tag_value": { "@@assign": ["100", "200*"] } },
                "project": { "tag_key": { "@@assign": "Project" } } } }
            """));
        Assert.Equal(new[] { "CostCenter", "Project" }, policy.RequiredKeys);
        Assert.True(policy.AllowedValues["CostCenter"][1].IsMatch("2001"));
        Assert.False(policy.AllowedValues.ContainsKey("Project"));
    }

    [Fact]
    public void MalformedYamlNamesTheLine()
    {
        var error = Fails(() => TagPolicyFile.Load(Write("bad.yaml", "requiredTags: [Environment\nallowedValues: {")));
        Assert.Equal(TagPolicyErrorIds.InvalidTagPolicyFile, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains("line", error.Message);
    }

    [Fact]
    public void MalformedJsonNamesTheLine()
    {
        var error = Fails(() => TagPolicyFile.Load(Write("bad.json", "{\n  \"requiredTags\": [\"a\",\n}")));
        Assert.Equal(TagPolicyErrorIds.InvalidTagPolicyFile, error.ErrorId);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void UnknownSettingsAndWrongShapesAreRejected()
    {
        Assert.Equal(TagPolicyErrorIds.InvalidTagPolicyFile, Fails(() => TagPolicyFile.Load(Write("a.yaml", "requiredTag: [Environment]"))).ErrorId);
        Assert.Equal(TagPolicyErrorIds.InvalidTagPolicyFile, Fails(() => TagPolicyFile.Load(Write("b.yaml", "requiredTags: {a: b}"))).ErrorId);
        Assert.Equal(TagPolicyErrorIds.InvalidTagPolicyFile, Fails(() => TagPolicyFile.Load(Write("c.yaml", "- just a list"))).ErrorId);
        Assert.Equal(TagPolicyErrorIds.EmptyRequiredTagList, Fails(() => TagPolicyFile.Load(Write("d.yaml", "requiredTags: []"))).ErrorId);
    }

    [Fact]
    public void AMissingFileIsNotFound()
    {
        var error = Fails(() => TagPolicyFile.Load(Path.Combine(_directory, "nope.yaml")));
        Assert.Equal(TagPolicyErrorIds.TagPolicyFileNotFound, error.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
    }

    [Fact]
    public void AnEmptyFileIsInvalid()
    {
        Assert.Equal(TagPolicyErrorIds.InvalidTagPolicyFile, Fails(() => TagPolicyFile.Load(Write("e.yaml", "   \n"))).ErrorId);
    }
}
