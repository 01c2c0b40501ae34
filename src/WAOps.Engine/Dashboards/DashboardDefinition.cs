using WAOps.Engine.Dashboards;

namespace WAOps;

/// <summary>
/// One dashboard as New-WADashboard builds it: its name and region, which part of the workload's dashboards it is,
/// what it holds, and its body (compact JSON, as PutDashboard takes it and as -PassThru and -OutFile return it).
/// </summary>
public sealed class DashboardDefinition
{
    public DashboardDefinition(string name, string region, int part, int partCount, IReadOnlyList<DashboardWidget> widgets, int resourceCount, int alarmCount)
    {
        Name = name;
        Region = region;
        Part = part;
        PartCount = partCount;
        Widgets = widgets;
        ResourceCount = resourceCount;
        AlarmCount = alarmCount;
        Body = DashboardBody.Serialize(widgets);
    }

    public string Name { get; }

    public string Region { get; }

    public int Part { get; }

    public int PartCount { get; }

    public int WidgetCount => Widgets.Count;

    public int MetricCount => Widgets.Sum(w => w.MetricCount);

    public int ResourceCount { get; }

    public int AlarmCount { get; }

    public string Body { get; }

    internal IReadOnlyList<DashboardWidget> Widgets { get; }

    public override string ToString() => $"{Name} ({WidgetCount} widgets, {MetricCount} metrics)";
}
