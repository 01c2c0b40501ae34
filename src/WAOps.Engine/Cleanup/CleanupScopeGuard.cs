using System.Globalization;
using WAOps.Engine.Tags;
using WAOps.Engine.Text;

namespace WAOps.Engine.Cleanup;

/// <summary>Why a resource is or is not in a cleanup run's scope.</summary>
public enum ScopeReason
{
    InScope,

    /// <summary>Tagged as production (any Environment/env key): never acted on, whatever the parameters.</summary>
    Production,

    /// <summary>No Environment tag: nobody said it is a dev resource.</summary>
    NoEnvironmentTag,

    /// <summary>Several Environment-like tags with different values.</summary>
    ConflictingEnvironmentTags,

    /// <summary>Its environment is not one of -Environment.</summary>
    OtherEnvironment,

    /// <summary>It has the exclusion tag (waops:keep by default).</summary>
    ExclusionTag,

    /// <summary>waops:protect-until is in the future.</summary>
    ProtectedUntil,

    /// <summary>waops:protect-until is not a date WAOps can read: protected, to be safe.</summary>
    UnreadableProtectUntil,

    /// <summary>Younger than -OlderThanDays.</summary>
    TooYoung,

    /// <summary>-OlderThanDays was given and AWS does not say how old it is.</summary>
    AgeUnknown,
}

/// <summary>The scope guard's decision about one resource.</summary>
public sealed record ScopeVerdict(ScopeReason Reason, string Explanation, string? Environment)
{
    public bool InScope => Reason == ScopeReason.InScope;

    /// <summary>
    /// Its environment is one of -Environment but something protects it (exclusion tag, protect-until, age): it is
    /// evaluated and reported, never acted on.
    /// </summary>
    public bool IsExcludedInEnvironment => Reason is ScopeReason.ExclusionTag or ScopeReason.ProtectedUntil or ScopeReason.UnreadableProtectUntil
        or ScopeReason.TooYoung or ScopeReason.AgeUnknown;
}

/// <summary>
/// The one place that decides what a cleanup run may touch. A resource is in scope only when: no
/// Environment-like tag (Environment, env, any case and spacing) says production; it has such a tag and all of them
/// agree; its value matches one of -Environment (ignoring case and surrounding spaces; wildcards allowed); it has no
/// exclusion tag; waops:protect-until is absent or past; and, with -OlderThanDays, it is known to be old enough.
/// Every doubt keeps the resource.
/// </summary>
public sealed class CleanupScopeGuard
{
    private readonly IReadOnlyList<WildcardPattern> _environments;

    public CleanupScopeGuard(IEnumerable<string> environments, string exclusionTagKey, int olderThanDays)
    {
        _environments = environments.Select(e => new WildcardPattern(e.Trim(), ignoreCase: true)).ToList();
        ExclusionTagKey = exclusionTagKey;
        OlderThanDays = olderThanDays;
    }

    public string ExclusionTagKey { get; }

    public int OlderThanDays { get; }

    public ScopeVerdict Evaluate(TagSet tags, DateTimeOffset? createdAt, DateTimeOffset now)
    {
        var environmentTags = tags.Where(t => EnvironmentNames.IsEnvironmentKey(t.Key)).ToList();
        var production = environmentTags.FirstOrDefault(t => EnvironmentNames.IsProduction(t.Value));
        if (production.Key is not null)
        {
            return new ScopeVerdict(ScopeReason.Production, $"tagged {production.Key}={production.Value}: production is never acted on", production.Value);
        }

        if (environmentTags.Count == 0)
        {
            return new ScopeVerdict(ScopeReason.NoEnvironmentTag, "no Environment tag", null);
        }

        var values = environmentTags.Select(t => t.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (values.Count > 1)
        {
            return new ScopeVerdict(ScopeReason.ConflictingEnvironmentTags,
                $"conflicting environment tags ({string.Join(", ", environmentTags.Select(t => $"{t.Key}={t.Value}"))})", null);
        }

        var environment = values[0];
        if (!_environments.Any(p => p.IsMatch(environment)))
        {
            return new ScopeVerdict(ScopeReason.OtherEnvironment, $"environment '{environment}' is not one of {string.Join(", ", _environments)}", environment);
        }

        if (CleanupTags.Find(tags, ExclusionTagKey) is { } exclusion)
        {
            return new ScopeVerdict(ScopeReason.ExclusionTag, $"tagged {exclusion.Key}{(exclusion.Value.Length > 0 ? "=" + exclusion.Value : string.Empty)}", environment);
        }

        if (CleanupTags.Find(tags, CleanupTags.ProtectUntilKey) is { } protect)
        {
            if (!CleanupTags.TryParseUntil(protect.Value, out var until))
            {
                return new ScopeVerdict(ScopeReason.UnreadableProtectUntil,
                    $"{protect.Key}='{protect.Value}' is not an ISO-8601 date; protected to be safe", environment);
            }

            if (now < until)
            {
                return new ScopeVerdict(ScopeReason.ProtectedUntil, $"protected until {protect.Value.Trim()} ({protect.Key})", environment);
            }
        }

        if (OlderThanDays > 0)
        {
            if (createdAt is not { } created)
            {
                return new ScopeVerdict(ScopeReason.AgeUnknown, $"-OlderThanDays {OlderThanDays}: AWS does not report its age", environment);
            }

            var age = now - created;
            if (age < TimeSpan.FromDays(OlderThanDays))
            {
                return new ScopeVerdict(ScopeReason.TooYoung,
                    $"{age.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} day(s) old; -OlderThanDays is {OlderThanDays}", environment);
            }
        }

        return new ScopeVerdict(ScopeReason.InScope, $"Environment={environment}", environment);
    }
}
