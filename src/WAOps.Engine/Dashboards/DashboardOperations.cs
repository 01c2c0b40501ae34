namespace WAOps.Engine.Dashboards;

/// <summary>What applying a planned dashboard change sends to CloudWatch.</summary>
public abstract record DashboardOperation(string Name);

/// <summary>PutDashboard with a definition's body.</summary>
public sealed record PutDashboardOperation(DashboardDefinition Dashboard) : DashboardOperation(Dashboard.Name);

/// <summary>DeleteDashboards for a numbered dashboard the workload no longer needs (-Prune).</summary>
public sealed record DeleteDashboardOperation(string Name) : DashboardOperation(Name);

/// <summary>Writes a definition's body, pretty-printed, to a file (-OutFile).</summary>
public sealed record WriteDashboardFileOperation(string Path, DashboardDefinition Dashboard, string Content);
