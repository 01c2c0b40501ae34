using WAOps.Engine.Planning;

namespace WAOps.Engine.Alarms;

/// <summary>A workload's CloudWatch alarms: read by name prefix in each region, and changed as planned.</summary>
public interface IAlarmStore : IChangeApplier<AlarmOperation>
{
    Task<IReadOnlyList<ExistingAlarm>> ReadAsync(IEnumerable<string> regions, string namePrefix, CancellationToken cancellationToken);
}
