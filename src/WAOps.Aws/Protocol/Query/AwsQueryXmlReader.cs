using System.Collections;
using System.Globalization;
using System.Xml.Linq;

namespace WAOps.Aws.Protocol.Query;

/// <summary>
/// Reads awsQuery XML answers into response objects by member name (namespaces ignored, names matched
/// case-insensitively). Lists are the children of their wrapper element whatever the member element is
/// called (member, DBInstance, ...), or repeated elements when declared flattened; maps are entry/key/value.
/// </summary>
public static class AwsQueryXmlReader
{
    public static T Read<T>(XElement? element) where T : new()
    {
        var result = new T();
        if (element is not null)
        {
            Fill(result, element);
        }

        return result;
    }

    private static void Fill(object target, XElement element)
    {
        foreach (var member in WireMember.Of(target.GetType()))
        {
            if (!member.Property.CanWrite && !IsMutableCollection(member.Property.PropertyType))
            {
                continue;
            }

            var children = element.Elements().Where(e => e.Name.LocalName.Equals(member.WireName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (children.Count == 0)
            {
                continue;
            }

            var type = member.Property.PropertyType;
            object? value;
            if (IsDictionary(type))
            {
                var entries = member.Flattened ? children : children[0].Elements().ToList();
                value = ReadMap(type, entries);
            }
            else if (IsList(type))
            {
                var items = member.Flattened ? children : children[0].Elements().ToList();
                value = ReadList(type, items);
            }
            else
            {
                value = ReadValue(children[0], type);
            }

            member.Property.SetValue(target, value);
        }
    }

    private static object? ReadValue(XElement element, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var text = element.Value;
        if (underlying == typeof(string))
        {
            return text;
        }

        if (underlying == typeof(bool))
        {
            return bool.Parse(text.Trim());
        }

        if (underlying == typeof(int))
        {
            return int.Parse(text, CultureInfo.InvariantCulture);
        }

        if (underlying == typeof(long))
        {
            return long.Parse(text, CultureInfo.InvariantCulture);
        }

        if (underlying == typeof(double))
        {
            return double.Parse(text, CultureInfo.InvariantCulture);
        }

        if (underlying == typeof(decimal))
        {
            return decimal.Parse(text, CultureInfo.InvariantCulture);
        }

        if (underlying == typeof(DateTime))
        {
            return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        }

        if (underlying.IsEnum)
        {
            return Enum.Parse(underlying, text, ignoreCase: true);
        }

        if (IsList(underlying))
        {
            return ReadList(underlying, element.Elements().ToList());
        }

        var nested = Activator.CreateInstance(underlying)!;
        Fill(nested, element);
        return nested;
    }

    private static object ReadList(Type listType, List<XElement> items)
    {
        var itemType = listType.IsGenericType ? listType.GetGenericArguments()[0] : typeof(string);
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        foreach (var item in items)
        {
            list.Add(ReadValue(item, itemType));
        }

        return list;
    }

    private static object ReadMap(Type mapType, List<XElement> entries)
    {
        var arguments = mapType.GetGenericArguments();
        var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
        foreach (var entry in entries)
        {
            var key = entry.Elements().FirstOrDefault(e => e.Name.LocalName is "key" or "Key");
            var value = entry.Elements().FirstOrDefault(e => e.Name.LocalName is "value" or "Value");
            if (key is not null)
            {
                map[ReadValue(key, arguments[0])!] = value is null ? null : ReadValue(value, arguments[1]);
            }
        }

        return map;
    }

    private static bool IsDictionary(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() is var d
        && (d == typeof(Dictionary<,>) || d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>));

    private static bool IsList(Type type) => type != typeof(string) && type.IsGenericType && type.GetGenericTypeDefinition() is var d
        && (d == typeof(List<>) || d == typeof(IList<>) || d == typeof(IReadOnlyList<>) || d == typeof(IEnumerable<>));

    private static bool IsMutableCollection(Type type) => IsList(type) || IsDictionary(type);
}
