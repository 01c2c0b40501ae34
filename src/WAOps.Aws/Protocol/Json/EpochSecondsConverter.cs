using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WAOps.Aws.Protocol.Json;

/// <summary>
/// AWS JSON protocols send timestamps as epoch seconds (with fractions); a few restJson members use ISO-8601
/// strings. Reads both, writes epoch seconds. Values are UTC.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return DateTime.UnixEpoch.AddTicks((long)(reader.GetDouble() * TimeSpan.TicksPerSecond));
        }

        var text = reader.GetString();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return DateTime.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        }

        return DateTime.Parse(text!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        writer.WriteNumberValue(Math.Round((utc - DateTime.UnixEpoch).TotalSeconds, 3));
    }
}
