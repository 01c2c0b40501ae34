using System.Text.RegularExpressions;
using WAOps.Engine.Errors;

namespace WAOps.Engine.Dashboards;

/// <summary>
/// Dashboard names: CloudWatch allows 1-255 characters of A-Z, a-z, 0-9, '-' and '_'. A workload that needs more
/// than one dashboard gets numbered ones: the first keeps the name, the next are name-2, name-3, ... so the first
/// dashboard keeps its name when a workload grows past one.
/// </summary>
public static partial class DashboardNames
{
    /// <summary>Room left for the part suffix ("-99").</summary>
    public const int MaxBaseLength = DashboardLimits.MaxNameLength - 4;

    public static string Validate(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxBaseLength || !NamePattern().IsMatch(name))
        {
            throw new WAOpsException(DashboardErrorIds.InvalidDashboardName, ErrorKind.InvalidArgument,
                $"'{name}' cannot be a dashboard name: CloudWatch allows only the letters A-Z and a-z, digits, '-' and '_', and WAOps keeps it to {MaxBaseLength} characters so that numbered dashboards (name-2, ...) fit in 255.",
                name)
            { RecommendedAction = "Give -DashboardName with letters, digits, '-' and '_' only." };
        }

        return name;
    }

    /// <summary>
    /// A default name made from tag values or a stack name: characters a dashboard name cannot have become '-',
    /// runs of '-' collapse, and it is cut to the maximum length.
    /// </summary>
    public static string FromParts(params string?[] parts)
    {
        var joined = string.Join("-", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        var cleaned = Collapse().Replace(Invalid().Replace(joined, "-"), "-").Trim('-');
        return cleaned.Length > MaxBaseLength ? cleaned[..MaxBaseLength].TrimEnd('-') : cleaned;
    }

    /// <summary>Part 1 is the name itself; part n is name-n.</summary>
    public static string PartName(string baseName, int part) => part <= 1 ? baseName : $"{baseName}-{part}";

    /// <summary>Whether <paramref name="name"/> is part n ≥ 2 of <paramref name="baseName"/>.</summary>
    public static bool TryParsePart(string name, string baseName, out int part)
    {
        part = 0;
        return name.Length > baseName.Length + 1
            && name.StartsWith(baseName + "-", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(baseName.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out part)
            && part >= 2
            && name == PartName(baseName, part);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("[^A-Za-z0-9_-]", RegexOptions.CultureInvariant)]
    private static partial Regex Invalid();

    [GeneratedRegex("-{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Collapse();
}
