using System.Globalization;
using System.Reflection;
using WAOps.Engine.Errors;

namespace WAOps.Engine.Cleanup;

/// <summary>
/// The thresholds of the idle criteria. Defaults follow AWS Trusted Advisor where it has a check (low-utilization
/// EC2, idle load balancers, idle RDS, NAT gateways) and common practice where it has none (stopped instances,
/// snapshot age). Each can be changed by name (-Threshold @{ CpuPercent = 5 }).
/// </summary>
public sealed record IdleThresholds
{
    public static readonly IdleThresholds Default = new();

    /// <summary>Low-utilization EC2: a day counts as low when its average CPU is at most this (Trusted Advisor: 10 %).</summary>
    [Threshold(0, 100)]
    public double CpuPercent { get; init; } = 10;

    /// <summary>Low-utilization EC2: ... and NetworkIn + NetworkOut that day is at most this many MB (1 MB = 1,000,000 bytes; Trusted Advisor: 5 MB).</summary>
    [Threshold(0, 1_000_000)]
    public double NetworkMegabytes { get; init; } = 5;

    /// <summary>Low-utilization EC2: the number of low days needed (Trusted Advisor: 4).</summary>
    [Threshold(1, 455)]
    public int LowUtilizationDays { get; init; } = 4;

    /// <summary>Low-utilization EC2: the days looked at (Trusted Advisor: 14).</summary>
    [Threshold(1, 455)]
    public int LowUtilizationLookbackDays { get; init; } = 14;

    /// <summary>Stopped EC2: stopped for at least this many days (0: any stopped instance).</summary>
    [Threshold(0, 3650)]
    public int StoppedDays { get; init; } = 30;

    /// <summary>Orphaned EBS snapshots: at least this many days old (0: any age).</summary>
    [Threshold(0, 3650)]
    public int SnapshotAgeDays { get; init; } = 90;

    /// <summary>Idle NAT gateways: no bytes processed over this many days (Trusted Advisor: 30).</summary>
    [Threshold(1, 455)]
    public int NatGatewayLookbackDays { get; init; } = 30;

    /// <summary>Idle load balancers: fewer requests (ALB) or new flows (NLB, GWLB) than this on every day (Trusted Advisor: 100).</summary>
    [Threshold(0, 1_000_000_000)]
    public double LoadBalancerRequestsPerDay { get; init; } = 100;

    /// <summary>Idle load balancers: ... and fewer MB processed than this on every day (1 MB = 1,000,000 bytes; the 5 MB a day Trusted Advisor allows a low-utilization EC2 instance).</summary>
    [Threshold(0, 1_000_000)]
    public double LoadBalancerMegabytesPerDay { get; init; } = 5;

    /// <summary>Idle load balancers: the days looked at (Trusted Advisor: 7).</summary>
    [Threshold(1, 455)]
    public int LoadBalancerLookbackDays { get; init; } = 7;

    /// <summary>Idle RDS: the days looked at (Trusted Advisor: 7).</summary>
    [Threshold(1, 455)]
    public int DatabaseLookbackDays { get; init; } = 7;

    /// <summary>Idle RDS: a day is idle when its maximum DatabaseConnections is at most this (Trusted Advisor: 0).</summary>
    [Threshold(0, 100_000)]
    public double DatabaseConnections { get; init; }

    /// <summary>The names -Threshold accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = Properties().Select(p => p.Name).ToList();

    /// <summary>These thresholds with some replaced by name (case-insensitive); values are numbers or numeric text (invariant culture).</summary>
    public IdleThresholds With(IReadOnlyDictionary<string, object?> overrides)
    {
        var result = this with { };
        foreach (var (name, raw) in overrides)
        {
            var property = Properties().FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw Invalid($"'{name}' is not a threshold. Thresholds: {string.Join(", ", Names)}.", name);
            var range = property.GetCustomAttribute<ThresholdAttribute>()!;
            if (!TryNumber(raw, out var number) || double.IsNaN(number) || number < range.Minimum || number > range.Maximum)
            {
                throw Invalid($"Threshold {property.Name} must be a number from {range.Minimum.ToString(CultureInfo.InvariantCulture)} to {range.Maximum.ToString(CultureInfo.InvariantCulture)}; got '{raw}'.", name);
            }

            if (property.PropertyType == typeof(int))
            {
                if (number != Math.Floor(number))
                {
                    throw Invalid($"Threshold {property.Name} is a whole number of days; got '{raw}'.", name);
                }

                property.SetValue(result, (int)number);
            }
            else
            {
                property.SetValue(result, number);
            }
        }

        if (result.LowUtilizationDays > result.LowUtilizationLookbackDays)
        {
            throw Invalid($"LowUtilizationDays ({result.LowUtilizationDays}) cannot exceed LowUtilizationLookbackDays ({result.LowUtilizationLookbackDays}).", "LowUtilizationDays");
        }

        return result;
    }

    private static IEnumerable<PropertyInfo> Properties() =>
        typeof(IdleThresholds).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<ThresholdAttribute>() is not null);

    private static bool TryNumber(object? raw, out double number)
    {
        switch (raw)
        {
            case int i:
                number = i;
                return true;
            case long l:
                number = l;
                return true;
            case double d:
                number = d;
                return true;
            case decimal m:
                number = (double)m;
                return true;
            case float f:
                number = f;
                return true;
            case string s:
                return double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            default:
                number = double.NaN;
                return false;
        }
    }

    private static WAOpsException Invalid(string message, object? target) =>
        new(CleanupErrorIds.InvalidThreshold, ErrorKind.InvalidArgument, message, target) { RecommendedAction = "Fix -Threshold; Get-Help Invoke-WAIdleCleanup -Parameter Threshold lists the names, defaults and ranges." };

    [AttributeUsage(AttributeTargets.Property)]
    private sealed class ThresholdAttribute : Attribute
    {
        public ThresholdAttribute(double minimum, double maximum)
        {
            Minimum = minimum;
            Maximum = maximum;
        }

        public double Minimum { get; }

        public double Maximum { get; }
    }
}
