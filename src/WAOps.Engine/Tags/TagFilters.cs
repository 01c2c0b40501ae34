using WAOps.Engine.Errors;

namespace WAOps.Engine.Tags;

/// <summary>
/// Tag filters as the Tagging API takes them (GetResources TagFilters): 1 to 50 keys, each 1 to 128 characters with
/// at most 20 values. -Project and -Environment are filters on those keys; a -TagFilter key may not repeat them.
/// </summary>
public static class TagFilters
{
    public const int MaxKeys = 50;
    public const int MaxValues = 20;
    public const int MaxKeyLength = 128;

    /// <summary>
    /// The filters from -Project, -Environment (each one or more values) and -TagFilter, checked; empty when none
    /// was given. Throws InvalidTagFilter for a filter AWS would refuse.
    /// </summary>
    public static IReadOnlyList<TagFilterSpec> Build(IReadOnlyList<string>? projects, IReadOnlyList<string>? environments, IReadOnlyDictionary<string, IReadOnlyList<string>>? tagFilter)
    {
        var filters = new List<TagFilterSpec>();
        if (projects is { Count: > 0 })
        {
            filters.Add(new TagFilterSpec("Project", projects));
        }

        if (environments is { Count: > 0 })
        {
            filters.Add(new TagFilterSpec("Environment", environments));
        }

        foreach (var (key, values) in tagFilter ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength || values.Count > MaxValues || filters.Any(f => f.Key == key))
            {
                throw new WAOpsException(ParameterErrorIds.InvalidTagFilter, ErrorKind.InvalidArgument,
                    $"-TagFilter key '{key}' must be 1-{MaxKeyLength} characters with at most {MaxValues} values, and must not repeat -Project or -Environment. Nothing was written.", key);
            }

            filters.Add(new TagFilterSpec(key, values));
        }

        if (tagFilter is { Count: 0 } || filters.Count > MaxKeys)
        {
            throw new WAOpsException(ParameterErrorIds.InvalidTagFilter, ErrorKind.InvalidArgument, $"Tag filters take 1 to {MaxKeys} keys; there are {filters.Count}.", tagFilter);
        }

        return filters;
    }

    /// <summary>"Project=shop, Environment=prod|dev, Owner" for messages.</summary>
    public static string Describe(IReadOnlyList<TagFilterSpec> filters) =>
        string.Join(", ", filters.Select(f => f.Values.Count == 0 ? f.Key : $"{f.Key}={string.Join("|", f.Values)}"));
}
