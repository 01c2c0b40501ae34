namespace WAOps.Engine.Dashboards;

/// <summary>
/// What the dashboard is about, for its summary: the dashboard's name (also the workload's name in alarm names
/// and markers), the region it is shown in, the Project and Environment tag values when the workload was found by
/// them, and how it was found ("tags Project=shop, Environment=prod", "CloudFormation stack shop-prod", ...).
/// </summary>
public sealed record WorkloadDescription(string DashboardName, string Region, string? Project, string? Environment, string Scope)
{
    /// <summary>The text that marks dashboards and alarms as this workload's: "WAOps workload: shop-prod."</summary>
    public string Marker => MarkerFor(DashboardName);

    public static string MarkerFor(string dashboardName) => $"WAOps workload: {dashboardName}.";
}
