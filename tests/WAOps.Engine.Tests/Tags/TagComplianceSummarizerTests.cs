using WAOps.Engine.Inventory;
using WAOps.Engine.Tags;
using Xunit;

namespace WAOps.Engine.Tests.Tags;

public sealed class TagComplianceSummarizerTests
{
    private static TagComplianceResult Evaluate(string arn, params (string Key, string Value)[] tags) =>
        TagComplianceEvaluator.Evaluate(new InventoryResource(arn, "us-east-1", new TagSet(tags.Select(t => KeyValuePair.Create(t.Key, t.Value))), DiscoverySource.TaggingApi),
            TagPolicy.Create(new[] { "Environment", "Project" }, new Dictionary<string, IReadOnlyList<string>> { ["Environment"] = new[] { "dev", "prod" } }, null, "t"));

    [Fact]
    public void CountsPerTotalTypeAndKey()
    {
        var summarizer = new TagComplianceSummarizer(TagPolicy.Create(new[] { "Environment", "Project" }, null, null, "t"));
        summarizer.Add(Evaluate("arn:aws:ec2:us-east-1:1:instance/i-1", ("Environment", "dev"), ("Project", "a")));
        summarizer.Add(Evaluate("arn:aws:ec2:us-east-1:1:instance/i-2", ("environment", "dev")));
        summarizer.Add(Evaluate("arn:aws:s3:::b", ("Environment", "qa"), ("Project", "a")));
        summarizer.Add(Evaluate("arn:aws:s3:::c"));

        var rows = summarizer.Summarize();
        var total = rows.Single(r => r.Dimension == TagSummaryDimension.Total);
        Assert.Equal(4, total.Resources);
        Assert.Equal(1, total.Compliant);
        Assert.Equal(25.0, total.CompliancePercent);
        Assert.Equal(2, total.Missing);
        Assert.Equal(1, total.MisCased);
        Assert.Equal(1, total.InvalidValue);

        var ec2 = rows.Single(r => r.Dimension == TagSummaryDimension.ResourceType && r.Name == "ec2:instance");
        Assert.Equal((2, 1), (ec2.Resources, ec2.Compliant));

        var environment = rows.Single(r => r.Dimension == TagSummaryDimension.TagKey && r.Name == "Environment");
        Assert.Equal(1, environment.Compliant);
        Assert.Equal((1, 1, 1), (environment.Missing, environment.MisCased, environment.InvalidValue));
        var project = rows.Single(r => r.Dimension == TagSummaryDimension.TagKey && r.Name == "Project");
        Assert.Equal((2, 2), (project.Compliant, project.Missing));
        Assert.Equal(new[] { "Environment", "Project" }, rows.Where(r => r.Dimension == TagSummaryDimension.TagKey).Select(r => r.Name));
    }

    [Fact]
    public void AnEmptyScanIsFullyCompliant()
    {
        var row = new TagComplianceSummarizer(TagPolicy.Default).Summarize()[0];
        Assert.Equal(0, row.Resources);
        Assert.Equal(100, row.CompliancePercent);
    }
}
