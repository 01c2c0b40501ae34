using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Waivers;
using Xunit;

namespace WAOps.Engine.Tests.Gates;

public sealed class GateSummarizerTests
{
    private static GateFinding Finding(string rule, GateStatus status, Severity severity, string arn = "arn:aws:sqs:us-east-1:123456789012:q") => new()
    {
        RuleId = rule,
        Title = rule,
        Gate = QualityGate.Encryption,
        Pillar = Pillar.Security,
        Severity = severity,
        Status = status,
        Reason = "r",
        Remediation = "fix",
        ResourceArn = arn,
        ResourceType = "sqs:queue",
        ResourceId = "q",
        AccountId = "123456789012",
        Region = "us-east-1",
    };

    private static GateSummary Summarize(Severity? failOn, params GateFinding[] findings)
    {
        var selection = RuleCatalog.Select(null, new[] { "sqs-queue-encrypted", "elb-listener-tls" }, null, null);
        var summarizer = new GateSummarizer(selection, failOn, DateTimeOffset.UnixEpoch);
        foreach (var finding in findings)
        {
            summarizer.Add(finding);
        }

        return summarizer.Summarize(WaiverSet.Empty, string.Empty, DateTimeOffset.UnixEpoch.AddSeconds(3));
    }

    [Fact]
    public void FailOnDecidesWhichSeveritiesBlock()
    {
        var findings = new[]
        {
            Finding("sqs-queue-encrypted", GateStatus.Fail, Severity.Medium),
            Finding("elb-listener-tls", GateStatus.Pass, Severity.High, "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/a/1/2"),
        };
        Assert.False(Summarize(Severity.Medium, findings).Passed);
        var high = Summarize(Severity.High, findings);
        Assert.True(high.Passed);
        Assert.Equal(1, high.Fail);
        Assert.Equal(0, high.Blocking);
        Assert.True(Summarize(null, findings).Passed);
    }

    [Fact]
    public void UnknownAndErrorBlockLikeFailuresButWaivedAndNotApplicableDoNot()
    {
        Assert.False(Summarize(Severity.Low, Finding("sqs-queue-encrypted", GateStatus.Unknown, Severity.Medium)).Passed);
        Assert.False(Summarize(Severity.Low, Finding("sqs-queue-encrypted", GateStatus.Error, Severity.Medium)).Passed);
        var ok = Summarize(Severity.Low, Finding("sqs-queue-encrypted", GateStatus.Waived, Severity.Medium), Finding("elb-listener-tls", GateStatus.NotApplicable, Severity.High));
        Assert.True(ok.Passed);
        Assert.Equal(1, ok.Waived);
        Assert.Equal(1, ok.NotApplicable);
    }

    [Fact]
    public void CountsPerRuleAndSeverityAndResources()
    {
        var summary = Summarize(Severity.High,
            Finding("sqs-queue-encrypted", GateStatus.Fail, Severity.Medium, "arn:aws:sqs:us-east-1:123456789012:a"),
            Finding("sqs-queue-encrypted", GateStatus.Pass, Severity.Medium, "arn:aws:sqs:us-east-1:123456789012:b"),
            Finding("elb-listener-tls", GateStatus.Fail, Severity.High, "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/a/1/2"));
        Assert.False(summary.Passed);
        Assert.Equal(3, summary.Resources);
        Assert.Equal(new[] { "sqs-queue-encrypted", "elb-listener-tls" }, summary.ByRule.Select(r => r.RuleId));
        Assert.Equal(1, summary.ByRule[0].Fail);
        Assert.True(summary.ByRule[0].Passed);
        Assert.False(summary.ByRule[1].Passed);
        Assert.Equal(Severity.Critical, summary.BySeverity[0].Severity);
        Assert.Equal(1, summary.BySeverity.Single(s => s.Severity == Severity.High).Fail);
        Assert.Equal(TimeSpan.FromSeconds(3), summary.Duration);
        Assert.StartsWith("Quality gate FAILED", summary.ToString());
    }

    [Fact]
    public void AnAccountThatCouldNotBeCheckedFailsTheGate()
    {
        var selection = RuleCatalog.Select(null, new[] { "sqs-queue-encrypted" }, null, null);
        var summarizer = new GateSummarizer(selection, Severity.Critical, DateTimeOffset.UnixEpoch);
        summarizer.AddAccount("111111111111");
        summarizer.AddFailedAccount("222222222222");
        var summary = summarizer.Summarize(WaiverSet.Empty, string.Empty, DateTimeOffset.UnixEpoch);
        Assert.False(summary.Passed);
        Assert.Equal(new[] { "222222222222" }, summary.FailedAccounts);
        Assert.Equal(1, summary.Blocking);
    }
}
