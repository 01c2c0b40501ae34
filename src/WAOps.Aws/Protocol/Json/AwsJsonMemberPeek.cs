using System.Text;
using System.Text.Json;

namespace WAOps.Aws.Protocol.Json;

/// <summary>
/// Reads one top-level string member of a JSON answer without parsing the rest into objects: the other members
/// are skipped over. A paginated listing uses it to learn the next page's token before it parses the page.
/// </summary>
public static class AwsJsonMemberPeek
{
    private const int LongestNameOnTheStack = 128;

    /// <summary>
    /// The value of the top-level member <paramref name="name"/> (matched case-insensitively, as the answers are
    /// read), or null when it is missing, null, not a string, or the body is not a JSON object.
    /// </summary>
    public static string? ReadString(ReadOnlySpan<byte> utf8Json, string name)
    {
        // A page's token sits at one end of the answer (AWS writes the members in the shape's order, token first;
        // moto writes it last). Found there, the token is known without walking the page between, which the
        // listing would otherwise do twice: once here and once to read it.
        Span<byte> quoted = name.Length <= LongestNameOnTheStack ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(name.Length) + 2] : new byte[Encoding.UTF8.GetMaxByteCount(name.Length) + 2];
        quoted[0] = (byte)'"';
        var length = Encoding.UTF8.GetBytes(name, quoted[1..]) + 2;
        quoted[length - 1] = (byte)'"';
        quoted = quoted[..length];
        if (TryReadFirstMember(utf8Json, quoted, out var value) || TryReadLastMember(utf8Json, quoted, out value))
        {
            return value;
        }

        return ReadByWalking(utf8Json, name);
    }

    /// <summary>
    /// The value when the root object's first member is <paramref name="quotedName"/> with a plain string value (no
    /// escapes). False sends the caller to the full walk, which also handles every other case.
    /// </summary>
    private static bool TryReadFirstMember(ReadOnlySpan<byte> json, ReadOnlySpan<byte> quotedName, out string? value)
    {
        value = null;
        var rest = SkipWhitespace(json);
        if (rest.IsEmpty || rest[0] != (byte)'{')
        {
            return false;
        }

        rest = SkipWhitespace(rest[1..]);
        if (!rest.StartsWith(quotedName))
        {
            return false;
        }

        rest = SkipWhitespace(rest[quotedName.Length..]);
        if (rest.IsEmpty || rest[0] != (byte)':')
        {
            return false;
        }

        rest = SkipWhitespace(rest[1..]);
        if (rest.IsEmpty || rest[0] != (byte)'"')
        {
            return false;
        }

        var end = rest[1..].IndexOfAny((byte)'"', (byte)'\\');
        if (end < 0 || rest[1 + end] != (byte)'"')
        {
            return false;
        }

        value = Encoding.UTF8.GetString(rest.Slice(1, end));
        return true;
    }

    /// <summary>
    /// The value when the root object's last member is <paramref name="quotedName"/> with a plain string value:
    /// the answer ends with <c>, "name": "value" }</c>. In valid JSON the closing brace at the very end is the
    /// root's, so the member before it is a top-level one; quotes inside strings are escaped, so a value without
    /// a backslash runs from the quote before its closing one.
    /// </summary>
    private static bool TryReadLastMember(ReadOnlySpan<byte> json, ReadOnlySpan<byte> quotedName, out string? value)
    {
        value = null;
        var rest = SkipWhitespaceAtEnd(json);
        if (rest.IsEmpty || rest[^1] != (byte)'}')
        {
            return false;
        }

        rest = SkipWhitespaceAtEnd(rest[..^1]);
        if (rest.IsEmpty || rest[^1] != (byte)'"')
        {
            return false;
        }

        rest = rest[..^1];
        var start = rest.LastIndexOfAny((byte)'"', (byte)'\\');
        if (start < 0 || rest[start] != (byte)'"')
        {
            return false;
        }

        var text = rest[(start + 1)..];
        rest = SkipWhitespaceAtEnd(rest[..start]);
        if (rest.IsEmpty || rest[^1] != (byte)':')
        {
            return false;
        }

        rest = SkipWhitespaceAtEnd(rest[..^1]);
        if (!rest.EndsWith(quotedName))
        {
            return false;
        }

        rest = SkipWhitespaceAtEnd(rest[..^quotedName.Length]);
        if (rest.IsEmpty || (rest[^1] != (byte)',' && rest[^1] != (byte)'{'))
        {
            return false;
        }

        value = Encoding.UTF8.GetString(text);
        return true;
    }

    private static string? ReadByWalking(ReadOnlySpan<byte> utf8Json, string name)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var matches = string.Equals(reader.GetString(), name, StringComparison.OrdinalIgnoreCase);
                if (!reader.Read())
                {
                    return null;
                }

                if (matches)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }

            return null;
        }
        catch (JsonException)
        {
            // Malformed: the full parse that follows reports it properly.
            return null;
        }
    }

    private static ReadOnlySpan<byte> SkipWhitespace(ReadOnlySpan<byte> json) => json.TrimStart(JsonWhitespace);

    private static ReadOnlySpan<byte> SkipWhitespaceAtEnd(ReadOnlySpan<byte> json) => json.TrimEnd(JsonWhitespace);

    private static ReadOnlySpan<byte> JsonWhitespace => " \t\r\n"u8;
}
