namespace WAOps.Engine.Tags;

/// <summary>
/// The tag changes for one resource: tags to set (added keys, renamed keys under their right spelling,
/// replaced values) and keys to remove afterwards (the wrong spellings). Applied in that order, so a value
/// is never lost between the two calls.
/// </summary>
public sealed class TagRepairPlan
{
    public required string ResourceArn { get; init; }

    public required string Region { get; init; }

    public required IReadOnlyDictionary<string, string> TagsToSet { get; init; }

    public required IReadOnlyList<string> KeysToRemove { get; init; }

    /// <summary>Why some of the request could not be done here (no value for a missing key, a mis-cased key without -FixKeyCase, ...).</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    public bool HasChanges => TagsToSet.Count > 0 || KeysToRemove.Count > 0;
}
