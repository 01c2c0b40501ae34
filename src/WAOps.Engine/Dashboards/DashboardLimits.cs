namespace WAOps.Engine.Dashboards;

/// <summary>CloudWatch's limits on a dashboard body (Dashboard Body Structure and Syntax; PutDashboard).</summary>
public static class DashboardLimits
{
    public const int GridColumns = 24;
    public const int MaxWidgets = 500;
    public const int MaxMetrics = 2500;
    public const int MaxMetricsPerWidget = 500;
    public const int MaxAlarmsPerWidget = 100;
    public const int MaxHeight = 1000;
    public const int MaxNameLength = 255;
}
