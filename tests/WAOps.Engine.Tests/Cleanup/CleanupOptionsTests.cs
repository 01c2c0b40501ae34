using WAOps.Engine.Cleanup;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Engine.Tests.Cleanup;

public sealed class CleanupOptionsTests
{
    private static WAOpsException Fails(CleanupRequest request, string errorId)
    {
        var error = Assert.Throws<WAOpsException>(() => CleanupOptions.Validate(request));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction));
        return error;
    }

    [Fact]
    public void DefaultsAreASafeReport()
    {
        var options = CleanupOptions.Validate(new CleanupRequest());
        Assert.Equal(CleanupLevel.Report, options.Level);
        Assert.False(options.Writes);
        Assert.Equal(new[] { "dev" }, options.Environments);
        Assert.Equal("waops:keep", options.ExclusionTag);
        Assert.Equal(5, options.MaxActions);
        Assert.Equal(7, options.GracePeriodDays);
        Assert.Equal(IdleCriterionNames.All, options.Criteria);
        Assert.Equal(TimeSpan.FromMinutes(60), options.SnapshotTimeout);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData(" Prod ")]
    [InlineData("PRODUCTION")]
    [InlineData("prod-eu")]
    [InlineData("*")]
    [InlineData("p*")]
    [InlineData("*ion")]
    [InlineData("[pP]rod")]
    public void EnvironmentsThatNameOrCouldMatchProductionAreRefused(string environment)
    {
        var error = Fails(new CleanupRequest { Environments = new[] { "dev", environment } }, CleanupErrorIds.ProtectedEnvironment);
        Assert.Contains("never acts on production", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void EmptyEnvironmentsAreRefused(string environment) =>
        Fails(new CleanupRequest { Environments = new[] { environment } }, CleanupErrorIds.InvalidEnvironment);

    [Fact]
    public void WildcardsThatCannotMatchProductionAreAccepted()
    {
        var options = CleanupOptions.Validate(new CleanupRequest { Environments = new[] { "dev*", "sandbox-?", "Test" } });
        Assert.Equal(new[] { "dev*", "sandbox-?", "Test" }, options.Environments);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public void MaxActionsOutOfRangeIsRefused(int value)
    {
        var error = Fails(new CleanupRequest { MaxActions = value }, CleanupErrorIds.InvalidMaxActions);
        Assert.Contains("1 to 1000", error.Message);
    }

    [Fact]
    public void OtherRangesAreChecked()
    {
        Fails(new CleanupRequest { OlderThanDays = -1 }, CleanupErrorIds.InvalidOlderThanDays);
        Fails(new CleanupRequest { GracePeriodDays = 366 }, CleanupErrorIds.InvalidGracePeriod);
        Fails(new CleanupRequest { SnapshotTimeoutMinutes = 0 }, CleanupErrorIds.InvalidSnapshotTimeout);
        Fails(new CleanupRequest { ExclusionTag = "aws:keep" }, CleanupErrorIds.InvalidExclusionTag);
        Fails(new CleanupRequest { ExclusionTag = " " }, CleanupErrorIds.InvalidExclusionTag);
        Fails(new CleanupRequest { Criteria = new[] { "IdleEverything" } }, CleanupErrorIds.InvalidCriterion);
    }

    [Fact]
    public void MarkOnlyNeedsAGracePeriod() =>
        Fails(new CleanupRequest { MarkOnly = true, GracePeriodDays = 0 }, CleanupErrorIds.ConflictingParameters);

    [Fact]
    public void CriteriaAreMatchedIgnoringCase()
    {
        var options = CleanupOptions.Validate(new CleanupRequest { Criteria = new[] { "unattachedvolume", "UnattachedVolume", "IDLEDATABASE" } });
        Assert.Equal(new[] { IdleCriterionNames.UnattachedVolume, IdleCriterionNames.IdleDatabase }, options.Criteria);
        Assert.Equal(new[] { IdleResourceKind.EbsVolume, IdleResourceKind.DbInstance }, options.Evaluator.Kinds.OrderBy(k => k));
    }

    [Fact]
    public void ThresholdsAreChangedByNameAndChecked()
    {
        var options = CleanupOptions.Validate(new CleanupRequest
        {
            Thresholds = new Dictionary<string, object?> { ["cpupercent"] = 5, ["StoppedDays"] = "14", ["NetworkMegabytes"] = 0.5m },
        });
        Assert.Equal(5, options.Thresholds.CpuPercent);
        Assert.Equal(14, options.Thresholds.StoppedDays);
        Assert.Equal(0.5, options.Thresholds.NetworkMegabytes);
        Assert.Equal(10, IdleThresholds.Default.CpuPercent);

        Assert.Contains("CpuPercent", Fails(new CleanupRequest { Thresholds = new Dictionary<string, object?> { ["Cpu"] = 5 } }, CleanupErrorIds.InvalidThreshold).Message);
        Fails(new CleanupRequest { Thresholds = new Dictionary<string, object?> { ["CpuPercent"] = 101 } }, CleanupErrorIds.InvalidThreshold);
        Fails(new CleanupRequest { Thresholds = new Dictionary<string, object?> { ["CpuPercent"] = "ten" } }, CleanupErrorIds.InvalidThreshold);
        Fails(new CleanupRequest { Thresholds = new Dictionary<string, object?> { ["StoppedDays"] = 1.5 } }, CleanupErrorIds.InvalidThreshold);
        Fails(new CleanupRequest { Thresholds = new Dictionary<string, object?> { ["LowUtilizationDays"] = 15 } }, CleanupErrorIds.InvalidThreshold);
        Fails(new CleanupRequest { Thresholds = new Dictionary<string, object?> { ["DatabaseLookbackDays"] = null } }, CleanupErrorIds.InvalidThreshold);
    }

    [Fact]
    public void DateTagsAreReadAsIso8601Only()
    {
        Assert.True(CleanupTags.TryParseCleanupAfter("2026-12-02", out var from));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), from);
        Assert.True(CleanupTags.TryParseUntil("2026-12-02", out var until));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), until);
        Assert.True(CleanupTags.TryParseUntil("2026-12-02T10:00:00+01:00", out var moment));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), moment);
        foreach (var text in new[] { "12/02/2026", "tomorrow", "2026-02-30", "", null })
        {
            Assert.False(CleanupTags.TryParseUntil(text, out _), text);
        }
    }
}
