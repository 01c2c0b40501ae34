using WAOps.Engine.Text;

namespace WAOps.Engine.Tags;

/// <summary>
/// Accumulates results one at a time (so a scan can stream them) and produces summary rows: the total,
/// each resource type (by name), and each required key (in policy order).
/// </summary>
public sealed class TagComplianceSummarizer
{
    private readonly TagPolicy _policy;
    private readonly Counter _total = new();
    private readonly SortedDictionary<string, Counter> _byType = new(StringComparer.Ordinal);
    // One counter per required key, in the policy's order (its keys are unique).
    private readonly Counter[] _byKey;

    public TagComplianceSummarizer(TagPolicy policy)
    {
        _policy = policy;
        _byKey = policy.RequiredKeys.Select(_ => new Counter()).ToArray();
    }

    public void Add(TagComplianceResult result)
    {
        var anyMissing = result.MissingKeys.Count > 0;
        var anyMisCased = result.MisCasedKeys.Count > 0;
        var anyInvalid = result.InvalidValues.Count > 0;
        _total.Add(result.Compliant, anyMissing, anyMisCased, anyInvalid);
        if (!_byType.TryGetValue(result.ResourceType, out var type))
        {
            _byType[result.ResourceType] = type = new Counter();
        }

        type.Add(result.Compliant, anyMissing, anyMisCased, anyInvalid);
        // Indexed loops here and below: foreach over an IReadOnlyList or a TextList boxes an enumerator, per resource.
        var requiredKeys = _policy.RequiredKeys;
        for (var index = 0; index < requiredKeys.Count; index++)
        {
            var key = requiredKeys[index];
            var missing = anyMissing && result.MissingKeys.Contains(key);
            var misCased = anyMisCased && AnyEntryFor(result.MisCasedKeys, key, MisCasedAs);
            var invalid = anyInvalid && AnyEntryFor(result.InvalidValues, key, ValueKeyMatches);
            _byKey[index].Add(!missing && !misCased && !invalid, missing, misCased, invalid);
        }
    }

    public IReadOnlyList<TagComplianceSummary> Summarize()
    {
        var rows = new List<TagComplianceSummary> { _total.ToRow(TagSummaryDimension.Total, "All resources") };
        rows.AddRange(_byType.Select(t => t.Value.ToRow(TagSummaryDimension.ResourceType, t.Key)));
        rows.AddRange(_policy.RequiredKeys.Select((k, index) => _byKey[index].ToRow(TagSummaryDimension.TagKey, k)));
        return rows;
    }

    // A loop with a static method group rather than Any with a lambda: this runs per key for every resource a
    // scan reports, and a lambda that captures the key is an allocation each time.
    private static bool AnyEntryFor(TextList entries, string key, Func<string, string, bool> matches)
    {
        for (var index = 0; index < entries.Count; index++)
        {
            if (matches(entries[index], key))
            {
                return true;
            }
        }

        return false;
    }

    // MisCasedKeys hold "found->Required".
    private static bool MisCasedAs(string entry, string key)
    {
        var text = entry.AsSpan();
        return text.EndsWith(key, StringComparison.Ordinal) && text[..^key.Length].EndsWith("->", StringComparison.Ordinal);
    }

    // InvalidValues hold "key=value" with the key as found (possibly mis-cased); compare ignoring case and spaces.
    private static bool ValueKeyMatches(string entry, string key)
    {
        var cut = entry.IndexOf('=');
        return cut > 0 && entry.AsSpan(0, cut).Trim().Equals(key, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class Counter
    {
        private int _resources;
        private int _compliant;
        private int _missing;
        private int _misCased;
        private int _invalid;

        public void Add(bool compliant, bool missing, bool misCased, bool invalid)
        {
            _resources++;
            _compliant += compliant ? 1 : 0;
            _missing += missing ? 1 : 0;
            _misCased += misCased ? 1 : 0;
            _invalid += invalid ? 1 : 0;
        }

        public TagComplianceSummary ToRow(TagSummaryDimension dimension, string name) => new()
        {
            Dimension = dimension,
            Name = name,
            Resources = _resources,
            Compliant = _compliant,
            Missing = _missing,
            MisCased = _misCased,
            InvalidValue = _invalid,
        };
    }
}
