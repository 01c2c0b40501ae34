using System.Globalization;

namespace WAOps.Engine.Cleanup.Criteria;

/// <summary>
/// Trusted Advisor's idle RDS check: an available DB instance whose daily maximum DatabaseConnections is at most
/// DatabaseConnections (0) on every one of the last DatabaseLookbackDays days. RDS publishes the metric every minute
/// while an instance is available, so every day of the window must have a datapoint. Aurora and Multi-AZ cluster
/// members, read replicas and instances with read replicas are left alone (stop and delete work differently there).
/// </summary>
public sealed class IdleDatabaseCriterion : IIdleCriterion
{
    public const string ConnectionsKey = "connections";

    private readonly IdleThresholds _thresholds;

    public IdleDatabaseCriterion(IdleThresholds thresholds) => _thresholds = thresholds;

    public string Name => IdleCriterionNames.IdleDatabase;

    public IdleResourceKind Kind => IdleResourceKind.DbInstance;

    public IReadOnlyList<MetricQuery> MetricsFor(IdleResource resource) =>
        resource is DbInstanceResource database && NotApplicableReason(database) is null
            ? new[] { new MetricQuery(ConnectionsKey, "AWS/RDS", "DatabaseConnections", new[] { KeyValuePair.Create("DBInstanceIdentifier", database.Id) }, "Maximum", _thresholds.DatabaseLookbackDays) }
            : Array.Empty<MetricQuery>();

    public CriterionVerdict Evaluate(IdleResource resource, MetricSet metrics, DateTimeOffset now)
    {
        if (resource is not DbInstanceResource database)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, "not a DB instance");
        }

        if (NotApplicableReason(database) is { } reason)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, reason);
        }

        var lookback = _thresholds.DatabaseLookbackDays;
        var connections = metrics.Get(ConnectionsKey);
        if (connections is null)
        {
            return CriterionVerdict.Of(Name, IdleStatus.InsufficientData, "DatabaseConnections was not read");
        }

        var busiest = connections.Points.OrderByDescending(p => p.Value).FirstOrDefault();
        if (connections.Points.Count > 0 && busiest.Value > _thresholds.DatabaseConnections)
        {
            return CriterionVerdict.Of(Name, IdleStatus.Active, $"up to {F(busiest.Value)} connection(s) on {busiest.Timestamp.UtcDateTime:yyyy-MM-dd}", connections);
        }

        var days = connections.ByDay().Count;
        if (days < lookback)
        {
            return CriterionVerdict.Of(Name, IdleStatus.InsufficientData,
                $"DatabaseConnections known for {days} of {lookback} days; RDS publishes it every minute while available, so missing days are not read as idle", connections);
        }

        return CriterionVerdict.Of(Name, IdleStatus.Idle,
            $"at most {F(_thresholds.DatabaseConnections)} connections on each of the last {lookback} days (daily maximum {F(connections.Points.Count == 0 ? 0 : busiest.Value)})", connections);
    }

    private static string? NotApplicableReason(DbInstanceResource database)
    {
        if (database.ClusterIdentifier is not null)
        {
            return $"member of cluster {database.ClusterIdentifier}; clusters are not handled";
        }

        if (database.IsReadReplica)
        {
            return "a read replica";
        }

        if (database.HasReadReplicas)
        {
            return "has read replicas";
        }

        return database.Status == "available" ? null : $"status {database.Status}";
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
