using System.Text.RegularExpressions;

namespace WAOps.Engine.Text;

/// <summary>
/// PowerShell-style wildcards (* any run, ? one character, [abc] a set) for tag values, resource patterns and
/// names. The engine has no PowerShell types, so it carries its own matcher; matching is ordinal and
/// case-sensitive unless asked otherwise, as AWS tag values are.
/// </summary>
public sealed class WildcardPattern
{
    private readonly Regex _regex;

    public WildcardPattern(string pattern, bool ignoreCase = false)
    {
        Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        var options = RegexOptions.CultureInvariant | RegexOptions.Singleline | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        _regex = new Regex("^" + Translate(pattern) + "$", options, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    public bool HasWildcards => Pattern.IndexOfAny(new[] { '*', '?', '[' }) >= 0;

    public bool IsMatch(string? value) => value is not null && _regex.IsMatch(value);

    /// <summary>Whether any of <paramref name="patterns"/> matches; a plain loop, for checks made per resource of a scan.</summary>
    public static bool AnyMatches(IReadOnlyList<WildcardPattern> patterns, string? value)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Pattern;

    private static string Translate(string pattern)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    builder.Append(".*");
                    break;
                case '?':
                    builder.Append('.');
                    break;
                case '`' when i + 1 < pattern.Length:
                    // PowerShell's escape: `* is a literal star.
                    builder.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close > i + 1)
                    {
                        var set = pattern[(i + 1)..close].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("^", "\\^", StringComparison.Ordinal);
                        builder.Append('[').Append(set).Append(']');
                        i = close;
                    }
                    else
                    {
                        builder.Append("\\[");
                    }

                    break;
                default:
                    builder.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return builder.ToString();
    }
}
