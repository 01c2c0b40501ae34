namespace WAOps.Engine.Tags;

/// <summary>
/// What Repair-WATagCompliance was asked to do: tag values to add where a key is missing, whether to
/// rename mis-cased keys to the required spelling, and whether existing values may be replaced.
/// </summary>
public sealed class TagRepairRequest
{
    /// <summary>Key to value; added where the key is missing, replaced only with <see cref="Overwrite"/>.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>The spellings mis-cased keys are renamed to (with <see cref="FixKeyCase"/>); the keys of Tags count too.</summary>
    public IReadOnlyList<string> RequiredKeys { get; init; } = TagPolicy.DefaultRequiredKeys;

    public bool FixKeyCase { get; init; }

    public bool Overwrite { get; init; }
}
