using System.Globalization;

namespace WAOps.Engine.Cleanup.Criteria;

/// <summary>
/// Trusted Advisor's low-utilization EC2 check: a running instance whose daily average CPU is at most CpuPercent
/// and whose daily network I/O (NetworkIn + NetworkOut) is at most NetworkMegabytes on at least LowUtilizationDays
/// of the last LowUtilizationLookbackDays days. A day without a CPU or network datapoint is not judged either way;
/// when the days not judged could still decide the verdict, the verdict is insufficient data. Members of Auto Scaling
/// groups, fleets and other managers are left to them (they would replace a stopped or terminated instance).
/// </summary>
public sealed class LowUtilizationInstanceCriterion : IIdleCriterion
{
    public const string CpuKey = "cpu";
    public const string NetworkInKey = "networkIn";
    public const string NetworkOutKey = "networkOut";
    private const double BytesPerMegabyte = 1_000_000;

    private readonly IdleThresholds _thresholds;

    public LowUtilizationInstanceCriterion(IdleThresholds thresholds) => _thresholds = thresholds;

    public string Name => IdleCriterionNames.LowUtilizationInstance;

    public IdleResourceKind Kind => IdleResourceKind.Ec2Instance;

    public IReadOnlyList<MetricQuery> MetricsFor(IdleResource resource)
    {
        if (resource is not Ec2InstanceResource { IsRunning: true, ManagedBy: null } instance)
        {
            return Array.Empty<MetricQuery>();
        }

        var dimensions = new[] { KeyValuePair.Create("InstanceId", instance.Id) };
        var days = _thresholds.LowUtilizationLookbackDays;
        return new[]
        {
            new MetricQuery(CpuKey, "AWS/EC2", "CPUUtilization", dimensions, "Average", days),
            new MetricQuery(NetworkInKey, "AWS/EC2", "NetworkIn", dimensions, "Sum", days),
            new MetricQuery(NetworkOutKey, "AWS/EC2", "NetworkOut", dimensions, "Sum", days),
        };
    }

    public CriterionVerdict Evaluate(IdleResource resource, MetricSet metrics, DateTimeOffset now)
    {
        if (resource is not Ec2InstanceResource instance)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, "not an EC2 instance");
        }

        if (!instance.IsRunning)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, $"not running ({instance.State})");
        }

        if (instance.ManagedBy is { } manager)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, $"managed by {manager}, which would replace it; size that instead");
        }

        var cpu = metrics.Get(CpuKey);
        var networkIn = metrics.Get(NetworkInKey);
        var networkOut = metrics.Get(NetworkOutKey);
        if (cpu is null || networkIn is null || networkOut is null)
        {
            return CriterionVerdict.Of(Name, IdleStatus.InsufficientData, "CPU and network metrics were not read", cpu, networkIn, networkOut);
        }

        var lookback = _thresholds.LowUtilizationLookbackDays;
        var needed = _thresholds.LowUtilizationDays;
        var cpuByDay = cpu.ByDay();
        var inByDay = networkIn.ByDay();
        var outByDay = networkOut.ByDay();
        var judged = 0;
        var low = 0;
        var maxCpu = double.NaN;
        var maxNetwork = double.NaN;
        foreach (var (day, cpuValue) in cpuByDay)
        {
            if (!inByDay.TryGetValue(day, out var bytesIn) || !outByDay.TryGetValue(day, out var bytesOut))
            {
                continue;
            }

            judged++;
            var megabytes = (bytesIn + bytesOut) / BytesPerMegabyte;
            maxCpu = double.IsNaN(maxCpu) ? cpuValue : Math.Max(maxCpu, cpuValue);
            maxNetwork = double.IsNaN(maxNetwork) ? megabytes : Math.Max(maxNetwork, megabytes);
            if (cpuValue <= _thresholds.CpuPercent && megabytes <= _thresholds.NetworkMegabytes)
            {
                low++;
            }
        }

        var rule = $"CPU ≤ {F(_thresholds.CpuPercent)}% and network ≤ {F(_thresholds.NetworkMegabytes)} MB";
        var missing = Math.Max(0, lookback - judged);
        var observed = judged == 0
            ? "no day with CPU and network datapoints"
            : $"{judged} of {lookback} days with data; daily CPU up to {F(maxCpu)}%, network up to {F(maxNetwork)} MB";
        if (low >= needed)
        {
            return CriterionVerdict.Of(Name, IdleStatus.Idle, $"{rule} on {low} of {lookback} days (needs {needed}); {observed}", cpu, networkIn, networkOut);
        }

        if (low + missing >= needed)
        {
            return CriterionVerdict.Of(Name, IdleStatus.InsufficientData,
                $"{rule} on {low} day(s); {missing} of {lookback} days have no datapoints (absent, not zero), which could decide it; {observed}", cpu, networkIn, networkOut);
        }

        return CriterionVerdict.Of(Name, IdleStatus.Active, $"{rule} on only {low} of {lookback} days (needs {needed}); {observed}", cpu, networkIn, networkOut);
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
