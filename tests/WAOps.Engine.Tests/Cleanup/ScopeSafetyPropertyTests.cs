using WAOps.Engine.Cleanup;
using WAOps.Engine.Tags;
using Xunit;
using static WAOps.Engine.Tests.Cleanup.CleanupFixtures;

namespace WAOps.Engine.Tests.Cleanup;

/// <summary>
/// The safety property of Invoke-WAIdleCleanup: over thousands of generated tag sets (production spelled every
/// way, environment keys in any case and spacing, exclusion tags, protect-until dates past, future and unreadable,
/// missing and conflicting Environment tags, grace-period marks), nothing outside the run's environments is ever
/// planned, and nothing excluded or protected is ever written to, at every -Action level. The generator knows each
/// tag set's truth by construction (it picked the intent before spelling it), so the check does not reuse the guard's
/// own parsing. A second test shows the check has teeth: a naive guard lets production variants through and is caught.
/// </summary>
public sealed class ScopeSafetyPropertyTests
{
    private const int Seed = 20261125;
    private const int TagSetCount = 2400;

    private static readonly string[] ProductionValues =
    {
        "prod", "Prod", "PROD", "pRoD", "production", "Production", "PRODUCTION", "Prod ", " prod", " production", "PRODUCTION ", "\tprod\n", "p rod", "Pro d",
        "prod-eu", "eu-prod", "Production_EU", "prod2", "PROD-01", "pre-prod", "prod/eu", "\u00a0Production\u00a0", "pro\u200bd", "ｐｒｏｄ",
    };

    private static readonly string[] SelectedValues = { "dev", "Dev", "DEV", " dev", "dev ", " Dev\t", "test", "Test", "TEST " };

    private static readonly string[] OtherValues = { "staging", "qa", "sandbox", "preprod", "product", "uat", "devops", "production-like?" };

    private static readonly string[] EnvironmentKeys = { "Environment", "environment", "ENVIRONMENT", " Environment", "Environment ", "env", "Env", "ENV", " env " };

    private static readonly string[] ExclusionKeys = { "waops:keep", "WAOps:Keep", " waops:keep", "WAOPS:KEEP " };

    private enum Intent
    {
        Production,
        Selected,
        Other,
    }

    private sealed record Case(int Index, TagSet Tags, bool HasProduction, bool HasEnvironment, bool Conflicting, bool Selected, bool Excluded, IdleResource Resource)
    {
        /// <summary>
        /// May appear in the plan at all (reported or skipped): its environment is one of the run's (or, for a run with
        /// -Environment '*', any) and none of its environment tags says production.
        /// </summary>
        public bool MayAppear(bool anyEnvironment) => HasEnvironment && !HasProduction && !Conflicting && (Selected || anyEnvironment);

        /// <summary>May be written to (marked, unmarked, acted on).</summary>
        public bool MayBeWritten(bool anyEnvironment) => MayAppear(anyEnvironment) && !Excluded;
    }

    public static IEnumerable<object[]> Runs() => new[]
    {
        new object[] { CleanupLevel.Report, false, 7, "dev,TEST" },
        new object[] { CleanupLevel.Report, true, 7, "dev,TEST" },
        new object[] { CleanupLevel.Stop, false, 0, "dev,TEST" },
        new object[] { CleanupLevel.Terminate, false, 7, "dev,TEST" },
        new object[] { CleanupLevel.Delete, false, 0, "dev,TEST" },
        new object[] { CleanupLevel.Delete, false, 7, "dev,TEST" },
        // Patterns the validator refuses (they could select production): the guard alone must still keep it out.
        new object[] { CleanupLevel.Delete, false, 0, "*" },
        new object[] { CleanupLevel.Report, true, 7, "*" },
        new object[] { CleanupLevel.Delete, false, 0, "*prod*,*PRODUCTION*,p*,*dev*,*test*,*" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void NothingOutsideScopeIsEverPlannedAndNothingProtectedIsWritten(CleanupLevel level, bool markOnly, int grace, string environments)
    {
        var cases = Generate();
        var patterns = environments.Split(',');
        var anyEnvironment = patterns.Contains("*");
        var request = new CleanupRequest { Level = level, MarkOnly = markOnly, GracePeriodDays = grace, MaxActions = CleanupOptions.MaxActionsLimit, Environments = patterns };
        var options = anyEnvironment ? CleanupOptions.Unchecked(request) : CleanupOptions.Validate(request);

        var plan = CleanupPlanner.Plan(cases.Select(c => new EvaluatedResource(c.Resource, VerdictFor(c))), options, Now);

        Assert.Empty(Violations(cases, plan.Items.Select(i => (i.Resource, i.IsWrite)), anyEnvironment));
        // The run did plan writes for the tag sets that allow them, so the property is not vacuous.
        if (level != CleanupLevel.Report || markOnly)
        {
            Assert.True(plan.Writes > 50, $"only {plan.Writes} writes planned");
        }

        Assert.True(plan.Items.Count > 300, $"only {plan.Items.Count} items planned");
    }

    [Fact]
    public void TheGeneratedTagSetsCoverEveryTrap()
    {
        var cases = Generate();
        Assert.True(cases.Count >= 1000);
        Assert.True(cases.Count(c => c.HasProduction) > 400);
        Assert.True(cases.Count(c => !c.HasEnvironment) > 100);
        Assert.True(cases.Count(c => c.Conflicting) > 20);
        Assert.True(cases.Count(c => c.Excluded && c.MayAppear(false)) > 50);
        Assert.True(cases.Count(c => c.MayBeWritten(false)) > 150);
        Assert.True(cases.Count(c => c.Tags.Keys.Any(k => k.Contains("protect-until", StringComparison.Ordinal))) > 200);
        foreach (var trap in new[] { "Prod ", "PRODUCTION", " production", "p rod", "pre-prod", "ｐｒｏｄ" })
        {
            Assert.Contains(cases, c => c.Tags.Values.Contains(trap));
        }
    }

    [Fact]
    public void TheCheckCatchesANaiveGuardThatComparesTheValueExactly()
    {
        var cases = Generate();

        // What a hand-written filter often does: Environment exactly "prod" or "production" is kept, anything else
        // whose Environment is not exactly "dev"/"test" is skipped, and the exclusion tag is matched exactly.
        var naive = cases.Where(c => c.Tags.TryGetValue("Environment", out var value) && value is not ("prod" or "production")
                && (value.Trim().Equals("dev", StringComparison.OrdinalIgnoreCase) || value.Trim().Equals("test", StringComparison.OrdinalIgnoreCase) || value.Contains("rod", StringComparison.OrdinalIgnoreCase)))
            .Where(c => !c.Tags.ContainsKey("waops:keep"))
            .Select(c => (c.Resource, IsWrite: true));

        var violations = Violations(cases, naive, anyEnvironment: false);

        Assert.NotEmpty(violations);
        Assert.Contains(violations, v => v.Contains("'Prod '", StringComparison.Ordinal) || v.Contains("'PRODUCTION'", StringComparison.Ordinal) || v.Contains("' production'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("excluded", StringComparison.Ordinal));
    }

    /// <summary>Every generated resource is idle, except every seventh, in use (so unmarking marked ones is exercised too).</summary>
    private static WAOps.Engine.Cleanup.Criteria.CriterionVerdict VerdictFor(Case c) => c.Index % 7 == 0 ? Verdict(IdleStatus.Active) : IdleVerdict();

    private static List<string> Violations(IReadOnlyList<Case> cases, IEnumerable<(IdleResource Resource, bool IsWrite)> planned, bool anyEnvironment)
    {
        var byArn = cases.ToDictionary(c => c.Resource.Arn, StringComparer.Ordinal);
        var violations = new List<string>();
        foreach (var (resource, isWrite) in planned)
        {
            var c = byArn[resource.Arn];
            if (!c.MayAppear(anyEnvironment))
            {
                violations.Add($"planned out of scope: {Show(c)}");
            }
            else if (isWrite && !c.MayBeWritten(anyEnvironment))
            {
                violations.Add($"write planned although excluded or protected: {Show(c)}");
            }
        }

        return violations;
    }

    private static string Show(Case c) => string.Join("; ", c.Tags.Select(t => $"'{t.Key}'='{t.Value}'"));

    private static IReadOnlyList<Case> Generate()
    {
        var random = new Random(Seed);
        var cases = new List<Case>(TagSetCount);
        for (var index = 0; index < TagSetCount; index++)
        {
            var tags = new List<KeyValuePair<string, string>>();
            var keysUsed = new HashSet<string>(StringComparer.Ordinal);
            void Add(string key, string value)
            {
                if (keysUsed.Add(key))
                {
                    tags.Add(KeyValuePair.Create(key, value));
                }
            }

            // 0, 1 or 2 environment tags, each with an intent spelled at random.
            var environmentTags = random.Next(10) switch { < 2 => 0, < 8 => 1, _ => 2 };
            var intents = new List<(Intent Intent, string Canonical)>();
            for (var n = 0; n < environmentTags; n++)
            {
                var intent = (Intent)random.Next(3);
                var value = intent switch
                {
                    Intent.Production => Pick(random, ProductionValues),
                    Intent.Selected => Pick(random, SelectedValues),
                    _ => Pick(random, OtherValues),
                };
                var before = keysUsed.Count;
                Add(Pick(random, EnvironmentKeys), value);
                if (keysUsed.Count > before)
                {
                    intents.Add((intent, value.Trim().ToLowerInvariant()));
                }
            }

            var excluded = false;
            if (random.Next(5) == 0)
            {
                Add(Pick(random, ExclusionKeys), random.Next(3) == 0 ? string.Empty : Pick(random, new[] { "true", "false", "yes", "until-review" }));
                excluded = true;
            }

            if (random.Next(3) == 0)
            {
                var (value, protects) = random.Next(6) switch
                {
                    0 => (Now.AddDays(random.Next(1, 400)).ToString("yyyy-MM-dd"), true),
                    1 => (Now.AddDays(-random.Next(1, 400)).ToString("yyyy-MM-dd"), false),
                    2 => (Now.AddHours(random.Next(1, 48)).ToString("yyyy-MM-ddTHH:mm:ssZ"), true),
                    3 => (Now.AddHours(-random.Next(1, 48)).ToString("yyyy-MM-ddTHH:mm:ssZ"), false),
                    4 => (Now.ToString("yyyy-MM-dd"), true),
                    _ => (Pick(random, new[] { "next week", "2026-13-01", "31/12/2099", "soon", "" }), true),
                };
                Add(Pick(random, new[] { "waops:protect-until", "WAOps:Protect-Until", " waops:protect-until" }), value);
                excluded |= protects;
            }

            if (random.Next(3) == 0)
            {
                Add("waops:cleanup-after", random.Next(2) == 0 ? Now.AddDays(-3).ToString("yyyy-MM-dd") : Now.AddDays(3).ToString("yyyy-MM-dd"));
            }

            if (random.Next(2) == 0)
            {
                Add("Name", $"box-{index}");
            }

            if (random.Next(4) == 0)
            {
                // Keys that look like, but are not, environment keys: neither protect nor select.
                Add(Pick(random, new[] { "EnvironmentName", "Stage", "environment-owner", "Team" }), Pick(random, new[] { "prod", "dev", "platform" }));
            }

            var hasProduction = intents.Any(i => i.Intent == Intent.Production);
            var conflicting = !hasProduction && intents.Select(i => i.Canonical).Distinct().Count() > 1;
            var selected = intents.Count > 0 && intents.All(i => i.Intent == Intent.Selected);
            var tagSet = new TagSet(tags);
            cases.Add(new Case(index, tagSet, hasProduction, intents.Count > 0, conflicting, selected, excluded, Resource(random, index, tagSet)));
        }

        return cases;
    }

    private static IdleResource Resource(Random random, int index, TagSet tags) => random.Next(7) switch
    {
        0 => Instance($"i-{index:x8}", tags, state: random.Next(2) == 0 ? "running" : "stopped"),
        1 => Volume($"vol-{index:x8}", tags),
        2 => Snapshot($"snap-{index:x8}", tags),
        3 => Address($"eipalloc-{index:x8}", tags),
        4 => Nat($"nat-{index:x8}", tags),
        5 => Balancer($"lb-{index:x8}", tags),
        _ => Database($"db-{index:x8}", tags),
    };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
