using System.Text.Json;

namespace WAOps.Aws.Protocol.Json;

/// <summary>
/// Reads one top-level string member of a JSON answer without parsing the rest into objects: the other members
/// are skipped over. A paginated listing uses it to learn the next page's token before it parses the page.
/// </summary>
public static class AwsJsonMemberPeek
{
    /// <summary>
    /// The value of the top-level member <paramref name="name"/> (matched case-insensitively, as the answers are
    /// read), or null when it is missing, null, not a string, or the body is not a JSON object.
    /// </summary>
    public static string? ReadString(ReadOnlySpan<byte> utf8Json, string name)
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
}
