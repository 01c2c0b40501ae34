using System.Collections;

namespace WAOps.Engine.Tags;

/// <summary>
/// A resource's tags: keys are case-sensitive as in AWS, order is stable (by key, ordinal), and it prints as
/// "Key=Value; Key2=Value2" for tables and CSV.
/// </summary>
public sealed class TagSet : IReadOnlyDictionary<string, string>
{
    public static readonly TagSet Empty = new(Array.Empty<KeyValuePair<string, string>>());

    private readonly SortedDictionary<string, string> _tags;

    public TagSet(IEnumerable<KeyValuePair<string, string>> tags)
    {
        _tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            _tags[key] = value ?? string.Empty;
        }
    }

    public int Count => _tags.Count;

    public IEnumerable<string> Keys => _tags.Keys;

    public IEnumerable<string> Values => _tags.Values;

    public string this[string key] => _tags[key];

    public bool ContainsKey(string key) => _tags.ContainsKey(key);

    public bool TryGetValue(string key, out string value) => _tags.TryGetValue(key, out value!);

    /// <summary>
    /// The value of <paramref name="key"/> in its exact spelling, else of a mis-cased spelling of it ("environment",
    /// " Project "); null when neither is there. For reading a tag's meaning (is this production?), not for judging
    /// the spelling, which the tag compliance evaluator does.
    /// </summary>
    public string? FindValue(string key)
    {
        if (_tags.TryGetValue(key, out var exact))
        {
            return exact;
        }

        return _tags.FirstOrDefault(t => !t.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)
            && string.Equals(t.Key.Trim(), key, StringComparison.OrdinalIgnoreCase)).Value;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _tags.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join("; ", _tags.Select(t => $"{t.Key}={t.Value}"));
}
