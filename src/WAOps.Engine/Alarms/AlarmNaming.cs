using System.Security.Cryptography;
using System.Text;
using WAOps.Engine.Dashboards;
using WAOps.Engine.Errors;

namespace WAOps.Engine.Alarms;

/// <summary>
/// Deterministic alarm names: prefix-workload-kind-resource-metric, for example
/// "WAOps-shop-prod-lambda-orders-api-Errors" or "WAOps-shop-prod-elasticache-sessions-0001-CPUUtilization" for
/// one cache node. Names longer than CloudWatch's 255 characters keep their start and end in an 8-character hash
/// of the whole, so they stay unique and stable.
/// </summary>
public static class AlarmNaming
{
    public const int MaxNameLength = 255;
    public const int MaxPrefixLength = 64;
    public const string DefaultPrefix = "WAOps";

    /// <summary>Checks -AlarmPrefix: 1-64 characters, no control characters.</summary>
    public static string ValidatePrefix(string? prefix)
    {
        if (string.IsNullOrWhiteSpace(prefix) || prefix.Length > MaxPrefixLength || prefix.Any(char.IsControl) || prefix != prefix.Trim())
        {
            throw new WAOpsException(DashboardErrorIds.InvalidAlarmPrefix, ErrorKind.InvalidArgument,
                $"'{prefix}' cannot start alarm names: give 1 to {MaxPrefixLength} characters without control characters or surrounding spaces.",
                prefix)
            { RecommendedAction = "Give -AlarmPrefix such as WAOps or team-payments." };
        }

        return prefix;
    }

    /// <summary>What every alarm of the workload starts with: "WAOps-shop-prod-".</summary>
    public static string WorkloadPrefix(string prefix, string workload) => $"{prefix}-{workload}-";

    public static string Name(string prefix, string workload, string kindPart, string resourcePart, string metric) =>
        Fit($"{WorkloadPrefix(prefix, workload)}{kindPart}-{resourcePart}-{metric}");

    /// <summary>A second name for an alarm whose name another alarm of the workload already has.</summary>
    public static string Disambiguate(string name, string distinguishing) => Fit($"{name}-{Hash(distinguishing)}");

    private static string Fit(string name)
    {
        if (name.Length <= MaxNameLength)
        {
            return name;
        }

        var hash = Hash(name);
        return name[..(MaxNameLength - hash.Length - 1)] + "-" + hash;
    }

    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8].ToLowerInvariant();
}
