using WAOps.Engine.Planning;

namespace WAOps.Engine.Dashboards;

/// <summary>CloudWatch dashboards: their bodies, the numbered parts of a workload's dashboard, and changes as planned.</summary>
public interface IDashboardStore : IChangeApplier<DashboardOperation>
{
    /// <summary>The body of a dashboard; null when there is none of that name.</summary>
    Task<string?> GetBodyAsync(string name, CancellationToken cancellationToken);

    /// <summary>The names of existing dashboards that are numbered parts (name-2, name-3, ...) of <paramref name="baseName"/>.</summary>
    Task<IReadOnlyList<string>> ListPartNamesAsync(string baseName, CancellationToken cancellationToken);
}
