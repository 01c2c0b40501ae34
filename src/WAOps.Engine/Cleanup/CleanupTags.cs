using System.Globalization;
using WAOps.Engine.Tags;

namespace WAOps.Engine.Cleanup;

/// <summary>
/// The tags Invoke-WAIdleCleanup reads and writes. Keys are matched ignoring case and surrounding spaces (a
/// human who typed "WAOps:Keep " meant it); WAOps writes them in the spelling below.
/// </summary>
public static class CleanupTags
{
    /// <summary>The default exclusion tag: a resource that has it (any value) is never acted on.</summary>
    public const string DefaultExclusionKey = "waops:keep";

    /// <summary>Protects a resource until the date given (ISO-8601 date or date and time).</summary>
    public const string ProtectUntilKey = "waops:protect-until";

    /// <summary>The grace-period mark: the date from which the resource may be acted on.</summary>
    public const string CleanupAfterKey = "waops:cleanup-after";

    /// <summary>On snapshots WAOps takes before deleting or stopping: the id of the resource it backs up.</summary>
    public const string BackupOfKey = "waops:backup-of";

    /// <summary>The keys that name a resource's environment (compared ignoring case and all white space).</summary>
    public static IReadOnlyList<string> EnvironmentKeys { get; } = new[] { "environment", "env" };

    private static readonly string[] DateFormats = { "yyyy-MM-dd", "yyyyMMdd" };

    /// <summary>The key and value of the first tag whose key equals <paramref name="key"/> ignoring case and surrounding spaces (the exact spelling first).</summary>
    public static KeyValuePair<string, string>? Find(TagSet tags, string key)
    {
        if (tags.TryGetValue(key, out var exact))
        {
            return KeyValuePair.Create(key, exact);
        }

        foreach (var tag in tags)
        {
            if (string.Equals(tag.Key.Trim(), key.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return tag;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a date tag value: an ISO-8601 date (2026-12-31, meaning the whole day in UTC) or date and time
    /// (2026-12-31T18:00:00Z; without an offset it is UTC). Returns the first moment *after* the value, so a
    /// date protects through its end and a date-time up to that instant. False when it is not such a value.
    /// </summary>
    public static bool TryParseUntil(string? text, out DateTimeOffset end)
    {
        end = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            end = new DateTimeOffset(date.Date.AddDays(1), TimeSpan.Zero);
            return true;
        }

        if (value.Length >= 16 && value[4] == '-' && value[7] == '-' && (value[10] == 'T' || value[10] == 't' || value[10] == ' ')
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
        {
            end = moment;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Reads the grace-period mark: the moment from which the resource may be acted on (a date means from the
    /// start of that day, UTC). False when the value is not an ISO-8601 date or date and time.
    /// </summary>
    public static bool TryParseCleanupAfter(string? text, out DateTimeOffset from)
    {
        from = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            from = new DateTimeOffset(date.Date, TimeSpan.Zero);
            return true;
        }

        if (TryParseUntil(value, out var moment))
        {
            from = moment;
            return true;
        }

        return false;
    }

    /// <summary>The mark value written for a due date: yyyy-MM-dd.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The resource's tags worth copying onto a backup snapshot: everything but aws:* and waops:* tags.</summary>
    public static IEnumerable<KeyValuePair<string, string>> CopyableTags(TagSet tags) =>
        tags.Where(t => !t.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) && !t.Key.TrimStart().StartsWith("waops:", StringComparison.OrdinalIgnoreCase));
}
