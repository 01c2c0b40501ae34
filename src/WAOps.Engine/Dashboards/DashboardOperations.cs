namespace WAOps.Engine.Dashboards;

/// <summary>PutDashboard with a definition's body; the Detail of a planned dashboard change.</summary>
public sealed record PutDashboardOperation(DashboardDefinition Dashboard);

/// <summary>DeleteDashboards for a numbered dashboard the workload no longer needs (-Prune).</summary>
public sealed record DeleteDashboardOperation(string Name);

/// <summary>Writes a definition's body, pretty-printed, to a file (-OutFile).</summary>
public sealed record WriteDashboardFileOperation(string Path, DashboardDefinition Dashboard, string Content);
