using System.Globalization;

namespace WAOps.Engine.Cleanup.Criteria;

/// <summary>
/// Trusted Advisor's idle NAT gateway check: no bytes processed (BytesInFromSource + BytesInFromDestination) over
/// the last NatGatewayLookbackDays days. NAT gateways publish their metrics every minute while available, so a day
/// without datapoints is not read as a quiet day: every day of the window must have data (which a gateway younger
/// than the window cannot have).
/// </summary>
public sealed class IdleNatGatewayCriterion : IIdleCriterion
{
    public const string FromSourceKey = "bytesInFromSource";
    public const string FromDestinationKey = "bytesInFromDestination";

    private readonly IdleThresholds _thresholds;

    public IdleNatGatewayCriterion(IdleThresholds thresholds) => _thresholds = thresholds;

    public string Name => IdleCriterionNames.IdleNatGateway;

    public IdleResourceKind Kind => IdleResourceKind.NatGateway;

    public IReadOnlyList<MetricQuery> MetricsFor(IdleResource resource)
    {
        if (resource is not NatGatewayResource { State: "available" } gateway)
        {
            return Array.Empty<MetricQuery>();
        }

        var dimensions = new[] { KeyValuePair.Create("NatGatewayId", gateway.Id) };
        return new[]
        {
            new MetricQuery(FromSourceKey, "AWS/NATGateway", "BytesInFromSource", dimensions, "Sum", _thresholds.NatGatewayLookbackDays),
            new MetricQuery(FromDestinationKey, "AWS/NATGateway", "BytesInFromDestination", dimensions, "Sum", _thresholds.NatGatewayLookbackDays),
        };
    }

    public CriterionVerdict Evaluate(IdleResource resource, MetricSet metrics, DateTimeOffset now)
    {
        if (resource is not NatGatewayResource gateway)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, "not a NAT gateway");
        }

        if (gateway.State != "available")
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, $"state {gateway.State}");
        }

        var lookback = _thresholds.NatGatewayLookbackDays;
        var fromSource = metrics.Get(FromSourceKey);
        var fromDestination = metrics.Get(FromDestinationKey);
        if (fromSource is null || fromDestination is null)
        {
            return CriterionVerdict.Of(Name, IdleStatus.InsufficientData, "byte metrics were not read");
        }

        var bytes = fromSource.Values.Sum() + fromDestination.Values.Sum();
        if (bytes > 0)
        {
            return CriterionVerdict.Of(Name, IdleStatus.Active, $"{Bytes(bytes)} processed over the last {lookback} days", fromSource, fromDestination);
        }

        var days = fromSource.ByDay().Keys.Union(fromDestination.ByDay().Keys).Count();
        if (days < lookback)
        {
            return CriterionVerdict.Of(Name, IdleStatus.InsufficientData,
                $"0 bytes, but only {days} of {lookback} days have datapoints; NAT gateways publish every minute, so missing days are not read as idle", fromSource, fromDestination);
        }

        return CriterionVerdict.Of(Name, IdleStatus.Idle, $"0 bytes processed on each of the last {lookback} days", fromSource, fromDestination);
    }

    internal static string Bytes(double bytes) => bytes switch
    {
        >= 1e9 => (bytes / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + " GB",
        >= 1e6 => (bytes / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " MB",
        >= 1e3 => (bytes / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + " kB",
        _ => bytes.ToString("0", CultureInfo.InvariantCulture) + " bytes",
    };
}
