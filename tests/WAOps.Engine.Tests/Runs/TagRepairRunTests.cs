using WAOps.Engine.Planning;
using WAOps.Engine.Runs;
using WAOps.Engine.Tags;
using Xunit;

namespace WAOps.Engine.Tests.Runs;

/// <summary>Repair-WATagCompliance's run with in-memory tags: per region, a plan per resource, one batch of approved repairs.</summary>
public sealed class TagRepairRunTests
{
    private sealed class Tags : ITagStore
    {
        public Dictionary<string, TagSet> Current { get; } = new(StringComparer.Ordinal);

        public List<(string Region, IReadOnlyList<string> Arns)> Batches { get; } = new();

        public Task<IReadOnlyDictionary<string, TagSet>> ReadAsync(string region, IReadOnlyCollection<string> arns, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, TagSet>>(arns.ToDictionary(a => a, a => Current.GetValueOrDefault(a, TagSet.Empty), StringComparer.Ordinal));

        public IBatchChangeApplier<TagRepairPlan> ApplierFor(string region) => new Batch(this, region);

        private sealed class Batch(Tags tags, string region) : IBatchChangeApplier<TagRepairPlan>
        {
            public Task<IReadOnlyList<ApplyResult>> ApplyAsync(IReadOnlyList<PlannedChange<TagRepairPlan>> changes, CancellationToken cancellationToken)
            {
                tags.Batches.Add((region, changes.Select(c => c.Target).ToList()));
                foreach (var plan in changes.Select(c => c.Operation!))
                {
                    var now = tags.Current.GetValueOrDefault(plan.ResourceArn, TagSet.Empty).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
                    foreach (var (key, value) in plan.TagsToSet)
                    {
                        now[key] = value;
                    }

                    foreach (var key in plan.KeysToRemove)
                    {
                        now.Remove(key);
                    }

                    tags.Current[plan.ResourceArn] = new TagSet(now);
                }

                return Task.FromResult<IReadOnlyList<ApplyResult>>(changes.Select(_ => ApplyResult.Completed()).ToList());
            }
        }
    }

    [Fact]
    public async Task ResourcesAreRepairedPerRegionInOneBatchAndARerunChangesNothing()
    {
        const string Queue = "arn:aws:sqs:eu-west-1:123456789012:orders";
        const string Topic = "arn:aws:sns:us-east-1:123456789012:alerts";
        const string Done = "arn:aws:sqs:eu-west-1:123456789012:done";
        var tags = new Tags();
        tags.Current[Queue] = new TagSet(new[] { KeyValuePair.Create("environment", "prod") });
        tags.Current[Done] = new TagSet(new[] { KeyValuePair.Create("Owner", "team-a"), KeyValuePair.Create("Environment", "prod") });
        var request = new TagRepairRequest { Tags = new Dictionary<string, string> { ["Owner"] = "team-a" }, FixKeyCase = true, RequiredKeys = new[] { "Owner", "Environment" } };
        var targets = new[] { (Queue, "eu-west-1"), (Topic, "us-east-1"), (Done, "eu-west-1") };

        var host = new RecordingHost();
        await new TagRepairRun(tags).ExecuteAsync(targets, request, host, CancellationToken.None);
        Assert.Equal(new[] { ("eu-west-1", new[] { Queue }), ("us-east-1", new[] { Topic }) }, tags.Batches.Select(b => (b.Region, b.Arns.ToArray())));
        Assert.Equal(new[] { (Done, ChangeOutcome.Unchanged), (Queue, ChangeOutcome.Updated), (Topic, ChangeOutcome.Updated) },
            host.Of<ChangeResult>().Select(r => (r.Target, r.Outcome)));
        Assert.Equal("prod", tags.Current[Queue]["Environment"]);
        Assert.False(tags.Current[Queue].ContainsKey("environment"));

        var again = new RecordingHost();
        await new TagRepairRun(tags).ExecuteAsync(targets, request, again, CancellationToken.None);
        Assert.All(again.Of<ChangeResult>(), r => Assert.Equal(ChangeOutcome.Unchanged, r.Outcome));
        Assert.Equal(2, tags.Batches.Count);
    }
}
