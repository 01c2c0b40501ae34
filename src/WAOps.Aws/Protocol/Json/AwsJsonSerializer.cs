using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WAOps.Aws.Protocol.Json;

/// <summary>
/// JSON settings for AWS's JSON protocols: member names as declared (PascalCase for awsJson; [JsonPropertyName]
/// where restJson uses camelCase), read case-insensitively, timestamps as epoch seconds, and unset members
/// (null or empty collections) left out as the SDKs leave them out.
/// </summary>
public static class AwsJsonSerializer
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(ReadOnlySpan<byte> utf8) where T : new() =>
        utf8.IsEmpty ? new T() : JsonSerializer.Deserialize<T>(utf8, Options) ?? new T();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = null,
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipEmptyCollections } },
        };
        options.Converters.Add(new EpochSecondsConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void SkipEmptyCollections(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                // A custom predicate replaces DefaultIgnoreCondition for this property, so it must skip nulls too.
                property.ShouldSerialize = static (_, value) => value is not null and not ICollection { Count: 0 };
            }
        }
    }
}
