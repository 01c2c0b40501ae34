using WAOps.Engine.Cleanup;
using Xunit;
using static WAOps.Engine.Tests.Cleanup.CleanupFixtures;

namespace WAOps.Engine.Tests.Cleanup;

public sealed class IdleCleanupResultTests
{
    [Fact]
    public void ResultsCarryEvidenceActionOutcomeAndSavingsAndTheSummaryCountsThem()
    {
        var options = Options(CleanupLevel.Delete, grace: 0);
        var plan = Plan(options,
            (Volume("vol-a"), IdleVerdict("UnattachedVolume")),
            (Nat("nat-a"), IdleVerdict("IdleNatGateway")),
            (Volume("vol-keep", Dev(("waops:keep", ""))), IdleVerdict("UnattachedVolume")),
            (Volume("vol-prod", TagsOf(("Environment", "prod"))), IdleVerdict("UnattachedVolume")),
            (Instance("i-busy"), Verdict(IdleStatus.Active)));

        var volume = plan.Items.Single(i => i.Resource.Id == "vol-a");
        var nat = plan.Items.Single(i => i.Resource.Id == "nat-a");
        var kept = plan.Items.Single(i => i.Resource.Id == "vol-keep");
        var results = new[]
        {
            IdleCleanupResult.Done(volume, "snapshot snap-1 completed first", new[] { "snap-1" }),
            IdleCleanupResult.Failed(nat, "EC2 DeleteNatGateway failed: NatGatewayNotFound", "Aws.NatGatewayNotFound"),
            IdleCleanupResult.Planned(kept),
        };

        Assert.Equal((CleanupOutcome.Deleted, IdleAction.SnapshotThenDelete), (results[0].Outcome, results[0].Action));
        Assert.Equal("snap-1", results[0].BackupSnapshotIds.ToString());
        Assert.Equal("UnattachedVolume", results[0].Criterion);
        Assert.Equal("dev", results[0].Environment);
        Assert.Equal("100 GiB gp3, available", results[0].State);
        Assert.EndsWith("snapshot snap-1 completed first", results[0].Reason);
        Assert.Equal(3m, results[0].EstimatedMonthlySavings);
        Assert.Equal(CleanupOutcome.Failed, results[1].Outcome);
        Assert.Equal("Aws.NatGatewayNotFound", results[1].ErrorId);
        Assert.Equal(CleanupOutcome.Skipped, results[2].Outcome);
        Assert.Throws<InvalidOperationException>(() => IdleCleanupResult.Planned(volume));

        var summary = IdleCleanupSummary.Create(plan, options, results, Region, Account, metricQueries: 3, getMetricDataCalls: 1,
            new Dictionary<string, int> { ["CloudWatch:GetMetricData"] = 1 }, TimeSpan.FromSeconds(2));

        Assert.Equal(5, summary.Examined);
        Assert.Equal(3, summary.InScope);
        Assert.Equal(1, summary.OutOfScope);
        Assert.Equal(1, summary.Protected);
        Assert.Equal(1, summary.ScopeReasons["Production"]);
        Assert.Equal(1, summary.ScopeReasons["ExclusionTag"]);
        Assert.Equal(3, summary.Idle);
        Assert.Equal((1, 1, 1), (summary.Deleted, summary.Failed, summary.Skipped));
        Assert.Equal(3m, summary.EstimatedMonthlySavings);
        Assert.Equal(3m + 32.85m + 3m, summary.PotentialMonthlySavings);
        Assert.Equal("dev", summary.Environments.ToString());
        Assert.Equal(1, summary.GetMetricDataCalls);
    }
}
