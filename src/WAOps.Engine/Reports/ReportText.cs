using System.Security.Cryptography;
using System.Text;
using WAOps.Engine.Gates;

namespace WAOps.Engine.Reports;

/// <summary>Small text helpers shared by the report writers.</summary>
internal static class ReportText
{
    /// <summary>"rds-instance-multi-az" -> "RdsInstanceMultiAz".</summary>
    public static string PascalName(string id) =>
        string.Concat(id.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>The resource a finding is about, with its detail: "arn:... (inline policy x statement 2)".</summary>
    public static string Subject(GateFinding finding) => finding.ResourceArn + (finding.Detail is null ? string.Empty : $" ({finding.Detail})");

    /// <summary>A SHA-256 of the finding's key, hex: a stable fingerprint that does not spell out ARNs.</summary>
    public static string Fingerprint(GateFinding finding) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(finding.Key))).ToLowerInvariant();

    /// <summary>GitHub's security-severity scale (0-10) for a severity.</summary>
    public static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        _ => "3.0",
    };

    /// <summary>A file path relative to <paramref name="baseDirectory"/> with forward slashes when it lies under it; else an absolute file URI.</summary>
    public static string ArtifactUri(string file, string? baseDirectory)
    {
        var root = Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory());
        var full = Path.GetFullPath(file);
        var relative = Path.GetRelativePath(root, full);
        if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
        {
            return string.Join('/', relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString));
        }

        return new Uri(full).AbsoluteUri;
    }
}
