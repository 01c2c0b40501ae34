using System.Text.Json;

namespace WAOps.Aws.Services.ResourceGroupsTagging.Model;

/// <summary>
/// Hands out the same string for the same tag key or value text read again: an account uses a few keys
/// (Environment, Project, ...) and values (prod, dev, team names) on thousands of resources, and a scan keeps the
/// tags of every result it reports. A small direct-mapped table per thread: a hit costs a hash and a compare of
/// the UTF-8 bytes; a miss reads the string as usual and takes the slot.
/// </summary>
internal sealed class RecentTagStrings
{
    private const int Slots = 128;

    // Longer texts (descriptions, ARNs in tags) rarely repeat; they are read as they come.
    private const int MaxLength = 48;

    [ThreadStatic]
    private static RecentTagStrings? _current;

    private readonly byte[]?[] _utf8 = new byte[Slots][];
    private readonly string?[] _text = new string[Slots];

    public static RecentTagStrings Current => _current ??= new RecentTagStrings();

    /// <summary>The string of the current token (a JSON string).</summary>
    public string Read(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxLength)
        {
            return reader.GetString()!;
        }

        var utf8 = reader.ValueSpan;
        var slot = (int)(Hash(utf8) % Slots);
        if (_utf8[slot] is { } known && utf8.SequenceEqual(known))
        {
            return _text[slot]!;
        }

        var text = reader.GetString()!;
        _utf8[slot] = utf8.ToArray();
        _text[slot] = text;
        return text;
    }

    // FNV-1a over the bytes: short texts, no allocation.
    private static uint Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
