using System.Collections;
using System.Runtime.InteropServices;

namespace WAOps.Engine.Tags;

/// <summary>
/// A resource's tags: keys are case-sensitive as in AWS, order is stable (by key, ordinal), and it prints as
/// "Key=Value; Key2=Value2" for tables and CSV. A key given twice keeps its last value.
/// </summary>
public sealed class TagSet : IReadOnlyDictionary<string, string>
{
    public static readonly TagSet Empty = new(Array.Empty<KeyValuePair<string, string>>());

    // A sorted array rather than a tree: a resource has a handful of tags (AWS allows 50), a scan keeps the tags of
    // every result it reports (tens of thousands), and a tree spends an object per tag where the array spends none.
    private readonly KeyValuePair<string, string>[] _tags;

    public TagSet(IEnumerable<KeyValuePair<string, string>> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        _tags = tags switch
        {
            // Read in place: foreach through the interface would box the enumerator, once for every resource.
            KeyValuePair<string, string>[] array => Sorted(array),
            List<KeyValuePair<string, string>> list => Sorted(CollectionsMarshal.AsSpan(list)),
            _ => Sorted(tags.ToArray()),
        };
    }

    /// <summary>The tags in <paramref name="tags"/>, copied: a caller may fill a buffer of its own and reuse it.</summary>
    public TagSet(ReadOnlySpan<KeyValuePair<string, string>> tags)
    {
        _tags = Sorted(tags);
    }

    private static KeyValuePair<string, string>[] Sorted(ReadOnlySpan<KeyValuePair<string, string>> tags)
    {
        var sorted = new KeyValuePair<string, string>[tags.Length];
        var used = 0;
        foreach (var (key, value) in tags)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(tags));
            var entry = KeyValuePair.Create(key, value ?? string.Empty);
            var at = Find(sorted.AsSpan(0, used), key);
            if (at >= 0)
            {
                sorted[at] = entry;
                continue;
            }

            at = ~at;
            Array.Copy(sorted, at, sorted, at + 1, used - at);
            sorted[at] = entry;
            used++;
        }

        if (used < sorted.Length)
        {
            Array.Resize(ref sorted, used);
        }

        return sorted;
    }

    public int Count => _tags.Length;

    public IEnumerable<string> Keys => _tags.Select(t => t.Key);

    public IEnumerable<string> Values => _tags.Select(t => t.Value);

    /// <summary>The tags in key order, for the engine's own loops (no enumerator to allocate per resource).</summary>
    internal ReadOnlySpan<KeyValuePair<string, string>> Entries => _tags;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The tag '{key}' is not present.");

    public bool ContainsKey(string key) => Find(_tags, key) >= 0;

    public bool TryGetValue(string key, out string value)
    {
        var at = Find(_tags, key);
        value = at >= 0 ? _tags[at].Value : null!;
        return at >= 0;
    }

    /// <summary>
    /// The value of <paramref name="key"/> in its exact spelling, else of a mis-cased spelling of it ("environment",
    /// " Project "); null when neither is there. For reading a tag's meaning (is this production?), not for judging
    /// the spelling, which the tag compliance evaluator does.
    /// </summary>
    public string? FindValue(string key)
    {
        if (TryGetValue(key, out var exact))
        {
            return exact;
        }

        var misCased = FindMisCasedKey(key);
        return misCased is null ? null : this[misCased];
    }

    /// <summary>
    /// The first key (in key order) that spells <paramref name="key"/> in another case or with surrounding spaces,
    /// leaving out AWS's own "aws:" keys; null when there is none. An exact spelling is not a mis-cased one.
    /// </summary>
    public string? FindMisCasedKey(string key)
    {
        foreach (var tag in _tags)
        {
            if (!tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(tag.Key, key, StringComparison.Ordinal)
                && tag.Key.AsSpan().Trim().Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return tag.Key;
            }
        }

        return null;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_tags).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join("; ", _tags.Select(t => $"{t.Key}={t.Value}"));

    /// <summary>Binary search by key (ordinal): the index of <paramref name="key"/>, or the complement of where it belongs.</summary>
    private static int Find(ReadOnlySpan<KeyValuePair<string, string>> sorted, string key)
    {
        var low = 0;
        var high = sorted.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(sorted[middle].Key, key);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}
