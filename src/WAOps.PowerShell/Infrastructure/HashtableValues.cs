using System.Collections;
using System.Management.Automation;

namespace WAOps.PowerShell.Infrastructure;

/// <summary>Reads PowerShell hashtables whose values may be one value or a list (@{ Environment = 'dev','prod' }).</summary>
internal static class HashtableValues
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ToLists(IDictionary table) =>
        table.Keys.Cast<object>().ToDictionary(
            key => Unwrap(key)?.ToString() ?? string.Empty,
            key => (IReadOnlyList<string>)Values(table[key]).ToList(),
            StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> ToStrings(IDictionary table) =>
        table.Keys.Cast<object>().ToDictionary(
            key => Unwrap(key)?.ToString() ?? string.Empty,
            key => Unwrap(table[key])?.ToString() ?? string.Empty,
            StringComparer.Ordinal);

    /// <summary>Keys (any case) to their values as given, unwrapped from PowerShell's wrappers.</summary>
    public static IReadOnlyDictionary<string, object?> ToObjects(IDictionary table) =>
        table.Keys.Cast<object>().ToDictionary(key => Unwrap(key)?.ToString() ?? string.Empty, key => Unwrap(table[key]), StringComparer.OrdinalIgnoreCase);

    /// <summary>Keys to values as text, numbers written in the invariant culture whatever the session's culture is.</summary>
    public static IReadOnlyDictionary<string, string?> ToInvariantStrings(IDictionary table) =>
        table.Keys.Cast<object>().ToDictionary(
            key => Unwrap(key)?.ToString() ?? string.Empty,
            key => Unwrap(table[key]) switch
            {
                null => null,
                IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var value => value.ToString(),
            },
            StringComparer.Ordinal);

    public static IEnumerable<string> Values(object? value) => Unwrap(value) switch
    {
        null => Enumerable.Empty<string>(),
        string text => new[] { text },
        IEnumerable items => items.Cast<object?>().Select(Unwrap).Where(i => i is not null).Select(i => i!.ToString()!),
        var single => new[] { single.ToString()! },
    };

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
