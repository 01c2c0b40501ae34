using WAOps.Engine.Alarms;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Engine.Tests.Alarms;

public sealed class AlarmTagSetTests
{
    private static KeyValuePair<string, string> Tag(string key, string value) => KeyValuePair.Create(key, value);

    [Fact]
    public void The_callers_tags_follow_those_WAOps_sets()
    {
        var tags = AlarmTagSet.Build("shop-prod", "shop", "prod", new[] { Tag("Team", "payments"), Tag("CostCenter", "1234") });

        Assert.Equal(
            new[] { Tag("ManagedBy", "WAOps"), Tag("waops:workload", "shop-prod"), Tag("Project", "shop"), Tag("Environment", "prod"), Tag("Team", "payments"), Tag("CostCenter", "1234") },
            tags);
    }

    [Fact]
    public void Project_and_Environment_come_only_from_the_discovery_parameters_when_given()
    {
        var tags = AlarmTagSet.Build("my-stack", null, null, new[] { Tag("Project", "shop") });

        Assert.Equal(new[] { Tag("ManagedBy", "WAOps"), Tag("waops:workload", "my-stack"), Tag("Project", "shop") }, tags);
    }

    [Theory]
    [InlineData("Project")]      // set from -Project
    [InlineData("ManagedBy")]    // WAOps' own marker
    [InlineData("aws:team")]     // reserved prefix
    [InlineData("")]
    public void A_key_that_cannot_be_given_is_refused(string key)
    {
        var error = Assert.Throws<WAOpsException>(() => AlarmTagSet.Build("shop-prod", "shop", null, new[] { Tag(key, "x") }));

        Assert.Equal(AlarmTagErrorIds.InvalidAlarmTag, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void A_value_over_256_characters_and_more_than_50_tags_are_refused()
    {
        Assert.Throws<WAOpsException>(() => AlarmTagSet.Build("w", null, null, new[] { Tag("Team", new string('v', 257)) }));
        var many = Enumerable.Range(1, 49).Select(i => Tag($"k{i}", "v"));
        var error = Assert.Throws<WAOpsException>(() => AlarmTagSet.Build("w", null, null, many));
        Assert.Contains("51 tags", error.Message);
        Assert.Equal(50, AlarmTagSet.Build("w", null, null, many.Take(48)).Count);
    }
}
