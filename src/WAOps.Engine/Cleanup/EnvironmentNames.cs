using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WAOps.Engine.Cleanup;

/// <summary>
/// Decides whether an Environment tag value names production. Deliberately broad, because a false alarm only
/// keeps a resource: the value is normalized (full-width letters folded, lower case, every kind of white space and
/// invisible character removed), then it is production when it is "prod" or "production", or when any of its
/// parts separated by punctuation is (optionally followed by digits): Prod, " PRODUCTION ", "pro d", "prod-eu",
/// "eu_production", "prod2" and "pre-prod" are all production; "preprod", "product-dev" and "dev" are not.
/// </summary>
public static partial class EnvironmentNames
{
    /// <summary>Values a -Environment pattern is tried against: a pattern that matches any of them could select production.</summary>
    public static IReadOnlyList<string> ProductionProbes { get; } = new[]
    {
        "prod", "production", "Prod", "PROD", "Production", "PRODUCTION", "prod-1", "prod-eu", "eu-prod", "production-eu", "eu-production",
    };

    public static bool IsProduction(string? value)
    {
        var normalized = Normalize(value);
        if (normalized.Length == 0)
        {
            return false;
        }

        if (ProductionToken().IsMatch(normalized))
        {
            return true;
        }

        return Separators().Split(normalized).Any(part => ProductionToken().IsMatch(part));
    }

    /// <summary>Full-width folded, lower-cased, without white space, control, format (zero-width) or combining characters.</summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // WAOps runs with invariant globalization, where string.Normalize does not fold compatibility forms, so
        // full-width letters (ｐｒｏｄ) are folded to ASCII here.
        var builder = new StringBuilder(value.Length);
        foreach (var original in value)
        {
            var c = original is >= '\uFF01' and <= '\uFF5E' ? (char)(original - 0xFEE0) : original;
            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>Whether a tag key names the environment (Environment, env; any case and spacing).</summary>
    public static bool IsEnvironmentKey(string key) => CleanupTags.EnvironmentKeys.Contains(Normalize(key), StringComparer.Ordinal);

    [GeneratedRegex("^(prod|production)[0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProductionToken();

    [GeneratedRegex(@"[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}
