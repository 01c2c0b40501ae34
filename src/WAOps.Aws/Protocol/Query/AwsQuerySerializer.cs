using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Amazon.Util;

namespace WAOps.Aws.Protocol.Query;

/// <summary>
/// Serializes a request object into awsQuery form parameters: Action and Version, then members by name;
/// nested structures as "Outer.Inner", lists as "Name.member.N" (or the declared member name, or flattened
/// "Name.N"), maps as "Name.entry.N.key/value". Null members and empty collections are left out.
/// </summary>
public static class AwsQuerySerializer
{
    public static List<KeyValuePair<string, string>> Serialize(string action, string version, object? request)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("Action", action),
            new("Version", version),
        };
        if (request is not null)
        {
            WriteMembers(string.Empty, request, parameters);
        }

        return parameters;
    }

    public static byte[] ToFormBody(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(AWSSDKUtils.UrlEncode(key, false)).Append('=').Append(AWSSDKUtils.UrlEncode(value, false));
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static void WriteMembers(string prefix, object value, List<KeyValuePair<string, string>> output)
    {
        foreach (var member in WireMember.Of(value.GetType()))
        {
            var memberValue = member.Property.GetValue(value);
            if (memberValue is null)
            {
                continue;
            }

            Write(prefix + member.WireName, memberValue, member, output);
        }
    }

    private static void Write(string name, object value, WireMember? member, List<KeyValuePair<string, string>> output)
    {
        if (TryFormatScalar(value, out var scalar))
        {
            output.Add(new(name, scalar));
            return;
        }

        switch (value)
        {
            case IDictionary map:
            {
                var index = 1;
                foreach (DictionaryEntry entry in map)
                {
                    var entryPrefix = member?.Flattened == true ? $"{name}.{index}" : $"{name}.entry.{index}";
                    output.Add(new($"{entryPrefix}.key", FormatScalarOrThrow(entry.Key)));
                    if (entry.Value is not null)
                    {
                        Write($"{entryPrefix}.value", entry.Value, null, output);
                    }

                    index++;
                }

                return;
            }

            case IEnumerable list:
            {
                var index = 1;
                foreach (var item in list)
                {
                    var itemName = member?.Flattened == true ? $"{name}.{index}" : $"{name}.{member?.ListMember ?? "member"}.{index}";
                    Write(itemName, item, null, output);
                    index++;
                }

                return;
            }

            default:
                WriteMembers(name + ".", value, output);
                return;
        }
    }

    private static string FormatScalarOrThrow(object value) =>
        TryFormatScalar(value, out var text) ? text : throw new ArgumentException($"Map keys must be scalars, not {value.GetType().Name}.");

    internal static bool TryFormatScalar(object value, out string text)
    {
        switch (value)
        {
            case string s:
                text = s;
                return true;
            case bool b:
                text = b ? "true" : "false";
                return true;
            case DateTime d:
                text = (d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                return true;
            case Enum e:
                text = e.ToString();
                return true;
            case IFormattable f when value.GetType().IsPrimitive || value is decimal:
                text = f.ToString(null, CultureInfo.InvariantCulture);
                return true;
            default:
                text = string.Empty;
                return false;
        }
    }
}

/// <summary>A public property as it appears on the wire; cached per type.</summary>
internal sealed record WireMember(PropertyInfo Property, string WireName, string? ListMember, bool Flattened)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, WireMember[]> Cache = new();

    public static WireMember[] Of(Type type) => Cache.GetOrAdd(type, static t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.DeclaringType != typeof(AwsResponse))
        .Select(p => new WireMember(
            p,
            p.GetCustomAttribute<AwsWireNameAttribute>()?.Name ?? p.Name,
            p.GetCustomAttribute<AwsListMemberAttribute>()?.MemberName,
            p.GetCustomAttribute<AwsFlattenedAttribute>() is not null))
        .ToArray());
}
