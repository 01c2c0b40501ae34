using WAOps.Engine.Cleanup.Criteria;
using WAOps.Engine.Errors;
using WAOps.Engine.Tags;

namespace WAOps.Engine.Cleanup;

/// <summary>What the user asked for, as given. <see cref="CleanupOptions.Validate"/> checks it before anything is read.</summary>
public sealed class CleanupRequest
{
    public const int DefaultMaxActions = 5;
    public const int DefaultGracePeriodDays = 7;
    public const int DefaultSnapshotTimeoutMinutes = 60;

    public IReadOnlyList<string> Environments { get; init; } = new[] { "dev" };

    public string ExclusionTag { get; init; } = CleanupTags.DefaultExclusionKey;

    public int OlderThanDays { get; init; }

    /// <summary>The criteria to apply (see <see cref="IdleCriterionNames"/>); null for all.</summary>
    public IReadOnlyList<string>? Criteria { get; init; }

    /// <summary>Threshold overrides by name (see <see cref="IdleThresholds"/>).</summary>
    public IReadOnlyDictionary<string, object?>? Thresholds { get; init; }

    public CleanupLevel Level { get; init; } = CleanupLevel.Report;

    public bool MarkOnly { get; init; }

    public int GracePeriodDays { get; init; } = DefaultGracePeriodDays;

    public int MaxActions { get; init; } = DefaultMaxActions;

    public int SnapshotTimeoutMinutes { get; init; } = DefaultSnapshotTimeoutMinutes;
}

/// <summary>A checked <see cref="CleanupRequest"/>: the scope guard, the selected criteria and the run's limits.</summary>
public sealed class CleanupOptions
{
    public const int MaxActionsLimit = 1000;
    public const int OlderThanDaysLimit = 3650;
    public const int GracePeriodLimit = 365;
    public const int SnapshotTimeoutLimit = 720;

    private CleanupOptions(CleanupRequest request, IReadOnlyList<string> environments, IdleThresholds thresholds, IReadOnlyList<string> criteria)
    {
        Environments = environments;
        ExclusionTag = request.ExclusionTag.Trim();
        OlderThanDays = request.OlderThanDays;
        Thresholds = thresholds;
        Criteria = criteria;
        Level = request.Level;
        MarkOnly = request.MarkOnly;
        GracePeriodDays = request.GracePeriodDays;
        MaxActions = request.MaxActions;
        SnapshotTimeout = TimeSpan.FromMinutes(request.SnapshotTimeoutMinutes);
        Guard = new CleanupScopeGuard(environments, ExclusionTag, OlderThanDays);
        Evaluator = IdleEvaluator.Create(thresholds, criteria);
    }

    public IReadOnlyList<string> Environments { get; }

    public string ExclusionTag { get; }

    public int OlderThanDays { get; }

    public IdleThresholds Thresholds { get; }

    public IReadOnlyList<string> Criteria { get; }

    public CleanupLevel Level { get; }

    public bool MarkOnly { get; }

    public int GracePeriodDays { get; }

    public int MaxActions { get; }

    public TimeSpan SnapshotTimeout { get; }

    public CleanupScopeGuard Guard { get; }

    public IdleEvaluator Evaluator { get; }

    /// <summary>Whether the run may write anything (marks or actions).</summary>
    public bool Writes => MarkOnly || Level != CleanupLevel.Report;

    /// <summary>Checks every input; the first problem is thrown with one of <see cref="CleanupErrorIds"/>.</summary>
    public static CleanupOptions Validate(CleanupRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var environments = ValidateEnvironments(request.Environments);
        ValidateExclusionTag(request.ExclusionTag);
        Range(request.MaxActions, 1, MaxActionsLimit, CleanupErrorIds.InvalidMaxActions, "-MaxActions",
            "-MaxActions caps the stops, terminations, deletions and releases of one run; give 1 to 1000 (the default is 5).");
        Range(request.OlderThanDays, 0, OlderThanDaysLimit, CleanupErrorIds.InvalidOlderThanDays, "-OlderThanDays", "Give a number of days from 0 (no age filter) to 3650.");
        Range(request.GracePeriodDays, 0, GracePeriodLimit, CleanupErrorIds.InvalidGracePeriod, "-GracePeriodDays", "Give 0 (act without marking first) to 365 days.");
        Range(request.SnapshotTimeoutMinutes, 1, SnapshotTimeoutLimit, CleanupErrorIds.InvalidSnapshotTimeout, "-SnapshotTimeoutMinutes", "Give 1 to 720 minutes.");
        if (request.MarkOnly && request.GracePeriodDays == 0)
        {
            throw new WAOpsException(CleanupErrorIds.ConflictingParameters, ErrorKind.InvalidArgument,
                "-MarkOnly marks resources for cleanup after a grace period, but -GracePeriodDays is 0.", "-GracePeriodDays")
            { RecommendedAction = "Give -GracePeriodDays 1 or more with -MarkOnly, or drop -MarkOnly." };
        }

        var criteria = ValidateCriteria(request.Criteria);
        var thresholds = request.Thresholds is { Count: > 0 } overrides ? IdleThresholds.Default.With(overrides) : IdleThresholds.Default;
        return new CleanupOptions(request, environments, thresholds, criteria);
    }

    /// <summary>
    /// Options without the input checks, so tests can show that the scope guard alone keeps production out even
    /// with environment patterns the validator refuses ("*"). Never used by the cmdlet.
    /// </summary>
    internal static CleanupOptions Unchecked(CleanupRequest request) =>
        new(request, request.Environments.Select(e => e.Trim()).ToList(), IdleThresholds.Default, ValidateCriteria(request.Criteria));

    private static IReadOnlyList<string> ValidateEnvironments(IReadOnlyList<string>? environments)
    {
        if (environments is null || environments.Count == 0)
        {
            throw new WAOpsException(CleanupErrorIds.InvalidEnvironment, ErrorKind.InvalidArgument, "-Environment needs at least one environment, such as dev.", null)
            { RecommendedAction = "Give -Environment dev (the default) or the names your Environment tags use." };
        }

        var checkedValues = new List<string>();
        foreach (var value in environments)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > 256)
            {
                throw new WAOpsException(CleanupErrorIds.InvalidEnvironment, ErrorKind.InvalidArgument, $"'{value}' is not an environment name: give 1 to 256 characters.", value)
                { RecommendedAction = "Give -Environment dev (the default) or the names your Environment tags use." };
            }

            var pattern = new Text.WildcardPattern(value.Trim(), ignoreCase: true);
            var probe = EnvironmentNames.ProductionProbes.FirstOrDefault(pattern.IsMatch);
            if (EnvironmentNames.IsProduction(value) || probe is not null)
            {
                throw new WAOpsException(CleanupErrorIds.ProtectedEnvironment, ErrorKind.InvalidArgument,
                    probe is not null && !EnvironmentNames.IsProduction(value)
                        ? $"-Environment '{value}' would match production environments such as '{probe}'. Invoke-WAIdleCleanup never acts on production, and refuses patterns that could select it."
                        : $"-Environment '{value}' names production. Invoke-WAIdleCleanup never acts on production (prod, production, in any case or spacing).",
                    value)
                { RecommendedAction = "Name the non-production environments to clean up, such as dev, test or sandbox." };
            }

            checkedValues.Add(value.Trim());
        }

        return checkedValues.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static void ValidateExclusionTag(string? key)
    {
        try
        {
            TagPolicy.ValidateKey(key?.Trim(), "-ExclusionTag");
        }
        catch (WAOpsException ex)
        {
            throw new WAOpsException(CleanupErrorIds.InvalidExclusionTag, ErrorKind.InvalidArgument, ex.Message, key)
            { RecommendedAction = "Give a tag key of 1 to 128 characters that does not start with 'aws:' (the default is waops:keep)." };
        }
    }

    private static IReadOnlyList<string> ValidateCriteria(IReadOnlyList<string>? criteria)
    {
        if (criteria is null)
        {
            return IdleCriterionNames.All;
        }

        var result = new List<string>();
        foreach (var name in criteria)
        {
            var known = IdleCriterionNames.All.FirstOrDefault(c => string.Equals(c, name?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new WAOpsException(CleanupErrorIds.InvalidCriterion, ErrorKind.InvalidArgument,
                    $"'{name}' is not a criterion. Criteria: {string.Join(", ", IdleCriterionNames.All)}.", name)
                { RecommendedAction = "Give -Criterion with names from the list, or leave it out for all." };
            if (!result.Contains(known))
            {
                result.Add(known);
            }
        }

        if (result.Count == 0)
        {
            throw new WAOpsException(CleanupErrorIds.InvalidCriterion, ErrorKind.InvalidArgument, "-Criterion names no criterion.", null)
            { RecommendedAction = "Leave -Criterion out for all criteria." };
        }

        return result;
    }

    private static void Range(int value, int minimum, int maximum, string errorId, string parameter, string recommendedAction)
    {
        if (value < minimum || value > maximum)
        {
            throw new WAOpsException(errorId, ErrorKind.InvalidArgument, $"{parameter} {value} is out of range: {minimum} to {maximum}.", value)
            { RecommendedAction = recommendedAction };
        }
    }
}
