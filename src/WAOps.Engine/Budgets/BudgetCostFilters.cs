namespace WAOps.Engine.Budgets;

/// <summary>
/// Cost filters of a budget (filter name to values, as AWS's CostFilters). A project is the filter
/// TagKeyValue = "user:Project$&lt;value&gt;" (the tagging strategy's Project tag).
/// </summary>
public static class BudgetCostFilters
{
    public const string TagKeyValue = "TagKeyValue";

    public const string ProjectTagKey = "Project";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> None { get; } = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>The filter that scopes a budget to the resources tagged Project=<paramref name="project"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ForProject(string project) =>
        new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [TagKeyValue] = new[] { ProjectFilterValue(project) } };

    public static string ProjectFilterValue(string project) => $"user:{ProjectTagKey}${project}";

    /// <summary>The project a budget is scoped to, when its only filter is one Project tag value; else null.</summary>
    public static string? ProjectOf(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        if (filters.Count != 1 || !filters.TryGetValue(TagKeyValue, out var values) || values.Count != 1)
        {
            return null;
        }

        var prefix = ProjectFilterValue(string.Empty);
        return values[0].StartsWith(prefix, StringComparison.Ordinal) ? values[0][prefix.Length..] : null;
    }

    /// <summary>Filters are equal when they have the same names with the same sets of values (order does not matter).</summary>
    public static bool AreEqual(IReadOnlyDictionary<string, IReadOnlyList<string>> left, IReadOnlyDictionary<string, IReadOnlyList<string>> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (name, values) in left)
        {
            if (!right.TryGetValue(name, out var other) || !new HashSet<string>(values, StringComparer.Ordinal).SetEquals(other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"whole account", "Project checkout", "Region=us-east-1; Service=Amazon EC2,AWS Lambda".</summary>
    public static string Describe(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        if (filters.Count == 0)
        {
            return "whole account";
        }

        return ProjectOf(filters) is { } project
            ? $"Project {project}"
            : string.Join("; ", filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={string.Join(",", f.Value)}"));
    }

    /// <summary>A sorted copy, so equal filters always print and serialize alike.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Normalize(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> filters)
    {
        var sorted = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in filters)
        {
            sorted[name] = values.ToArray();
        }

        return sorted;
    }
}
