using WAOps.Engine.Cleanup;
using WAOps.Engine.Cleanup.Criteria;
using WAOps.Engine.Tags;

namespace WAOps.Engine.Tests.Cleanup;

/// <summary>Resources, metric series and verdicts for the cleanup tests. "Now" is fixed so dates are reproducible.</summary>
internal static class CleanupFixtures
{
    public const string Region = "us-east-1";
    public const string Account = "123456789012";

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 21, 30, 0, TimeSpan.Zero);

    public static TagSet TagsOf(params (string Key, string Value)[] tags) => new(tags.Select(t => KeyValuePair.Create(t.Key, t.Value)));

    public static TagSet Dev(params (string Key, string Value)[] more) => TagsOf(more.Prepend(("Environment", "dev")).ToArray());

    public static Ec2InstanceResource Instance(string id = "i-0aaa", TagSet? tags = null, string state = "running", string type = "t3.micro",
        DateTimeOffset? created = null, DateTimeOffset? stoppedAt = null, IReadOnlyList<AttachedVolume>? volumes = null) =>
        new(id, $"arn:aws:ec2:{Region}:{Account}:instance/{id}", Region, tags ?? Dev(), created ?? Now.AddDays(-100), type, state, stoppedAt,
            volumes ?? new[] { new AttachedVolume("vol-root", true, 8, "gp3") });

    public static EbsVolumeResource Volume(string id = "vol-0aaa", TagSet? tags = null, string state = "available", int size = 100, string type = "gp3", DateTimeOffset? created = null,
        params string[] attachedTo) =>
        new(id, $"arn:aws:ec2:{Region}:{Account}:volume/{id}", Region, tags ?? Dev(), created ?? Now.AddDays(-100), size, type, state, attachedTo);

    public static EbsSnapshotResource Snapshot(string id = "snap-0aaa", TagSet? tags = null, int ageDays = 200, string state = "completed", params string[] usedBy) =>
        new(id, $"arn:aws:ec2:{Region}::snapshot/{id}", Region, tags ?? Dev(), Now.AddDays(-ageDays), "vol-0old", 50, state, usedBy);

    public static ElasticIpResource Address(string id = "eipalloc-0aaa", TagSet? tags = null, string? association = null, string? instance = null, string? eni = null, string? instanceState = null) =>
        new(id, $"arn:aws:ec2:{Region}:{Account}:elastic-ip/{id}", Region, tags ?? Dev(), "203.0.113.10", association, instance, eni, instanceState);

    public static NatGatewayResource Nat(string id = "nat-0aaa", TagSet? tags = null, string state = "available", DateTimeOffset? created = null) =>
        new(id, $"arn:aws:ec2:{Region}:{Account}:natgateway/{id}", Region, tags ?? Dev(), created ?? Now.AddDays(-100), state, "public", new[] { "eipalloc-0nat" });

    public static LoadBalancerResource Balancer(string name = "web", TagSet? tags = null, string type = "application", string state = "active", int groups = 1, string[]? targets = null,
        DateTimeOffset? created = null, bool targetsRead = true) =>
        new(name, $"arn:aws:elasticloadbalancing:{Region}:{Account}:loadbalancer/{type switch { "network" => "net", "gateway" => "gwy", _ => "app" }}/{name}/50dc6c495c0c9188", Region,
            tags ?? Dev(), created ?? Now.AddDays(-100), type, state, targetsRead ? new TargetHealthSummary(groups, targets ?? new[] { "healthy", "healthy" }) : null);

    public static DbInstanceResource Database(string id = "orders-dev", TagSet? tags = null, string status = "available", string instanceClass = "db.t3.micro", bool multiAz = false,
        bool deletionProtection = false, string? cluster = null, bool replica = false, bool hasReplicas = false) =>
        new(id, $"arn:aws:rds:{Region}:{Account}:db:{id}", Region, tags ?? Dev(), Now.AddDays(-100), instanceClass, "postgres", status, multiAz, 20, "gp2", deletionProtection,
            cluster, replica, hasReplicas);

    /// <summary>Daily datapoints at the start of each of the last <paramref name="values"/>.Length days, oldest first; null leaves a day without data.</summary>
    public static MetricSeries Daily(MetricQuery query, params double?[] values)
    {
        var end = MetricQuery.WindowEnd(Now);
        var points = values.Select((v, i) => (v, day: end.AddDays(-values.Length + i))).Where(p => p.v is not null).Select(p => new MetricPoint(p.day, p.v!.Value));
        return new MetricSeries(query, points);
    }

    public static MetricSet Metrics(IIdleCriterion criterion, IdleResource resource, Func<MetricQuery, double?[]> values) =>
        new(criterion.MetricsFor(resource).Select(q => Daily(q, values(q))));

    public static double?[] Repeat(double? value, int days) => Enumerable.Repeat(value, days).ToArray();

    public static CriterionVerdict IdleVerdict(string criterion = "Test") => new(criterion, IdleStatus.Idle, "idle by test", Array.Empty<MetricSeries>());

    public static CriterionVerdict Verdict(IdleStatus status, string criterion = "Test") => new(criterion, status, $"{status} by test", Array.Empty<MetricSeries>());

    public static CleanupOptions Options(CleanupLevel level = CleanupLevel.Report, bool markOnly = false, int grace = 7, int maxActions = 5, string[]? environments = null,
        int olderThanDays = 0, string exclusion = CleanupTags.DefaultExclusionKey) =>
        CleanupOptions.Validate(new CleanupRequest
        {
            Level = level,
            MarkOnly = markOnly,
            GracePeriodDays = grace,
            MaxActions = maxActions,
            Environments = environments ?? new[] { "dev" },
            OlderThanDays = olderThanDays,
            ExclusionTag = exclusion,
        });

    public static CleanupPlan Plan(CleanupOptions options, params (IdleResource Resource, CriterionVerdict? Verdict)[] resources) =>
        CleanupPlanner.Plan(resources.Select(r => new EvaluatedResource(r.Resource, r.Verdict)), options, Now);
}
