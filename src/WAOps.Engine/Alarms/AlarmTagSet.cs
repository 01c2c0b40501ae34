using WAOps.Engine.Errors;
using WAOps.Engine.Tags;

namespace WAOps.Engine.Alarms;

/// <summary>Stable error id for tags given for the alarms.</summary>
public static class AlarmTagErrorIds
{
    public const string InvalidAlarmTag = "InvalidAlarmTag";
}

/// <summary>
/// The tags every alarm of a workload carries: ManagedBy and the workload (so WAOps can tell its alarms apart),
/// Project and Environment when the workload was found by them, and the caller's own tags (Team and CostCenter,
/// say) so that the alarms meet the same tagging strategy as the resources they watch.
/// </summary>
public static class AlarmTagSet
{
    /// <summary>CloudWatch takes at most 50 tags per alarm.</summary>
    public const int MaxTags = 50;

    public static IReadOnlyList<KeyValuePair<string, string>> Build(
        string workload,
        string? project,
        string? environment,
        IEnumerable<KeyValuePair<string, string>>? extra)
    {
        var tags = new List<KeyValuePair<string, string>> { new("ManagedBy", "WAOps"), new("waops:workload", workload) };
        if (project is not null)
        {
            tags.Add(new("Project", project));
        }

        if (environment is not null)
        {
            tags.Add(new("Environment", environment));
        }

        foreach (var (key, value) in extra ?? Array.Empty<KeyValuePair<string, string>>())
        {
            try
            {
                TagPolicy.ValidateKey(key, "-AlarmTag");
            }
            catch (WAOpsException ex)
            {
                throw Error(ex.Message, key);
            }

            if (value.Length > 256)
            {
                throw Error($"The -AlarmTag value for '{key}' is longer than 256 characters.", key);
            }

            // A key WAOps sets itself cannot be given twice: the alarm would carry whichever came last.
            if (tags.Any(t => string.Equals(t.Key, key, StringComparison.Ordinal)))
            {
                throw Error($"-AlarmTag gives '{key}', which New-WADashboard already sets (ManagedBy, waops:workload, and Project/Environment from -Project/-Environment).", key);
            }

            tags.Add(new(key, value));
        }

        if (tags.Count > MaxTags)
        {
            throw Error($"The alarms would carry {tags.Count} tags; CloudWatch takes at most {MaxTags}.", null);
        }

        return tags;
    }

    private static WAOpsException Error(string message, object? target) =>
        new(AlarmTagErrorIds.InvalidAlarmTag, ErrorKind.InvalidArgument, message + " Nothing was written.", target);
}
