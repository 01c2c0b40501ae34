using System.Text.Json.Nodes;

namespace WAOps.Engine.Dashboards;

/// <summary>
/// One widget placed on the 24-column grid: its type (text, metric, alarm), position, size, its properties as
/// CloudWatch reads them and how many metrics it draws (what counts against the 500-per-widget and
/// 2,500-per-dashboard limits).
/// </summary>
public sealed class DashboardWidget
{
    public DashboardWidget(string type, int x, int y, int width, int height, JsonObject properties, int metricCount)
    {
        if (x < 0 || width < 1 || x + width > DashboardLimits.GridColumns)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A widget at x={x} of width {width} does not fit the {DashboardLimits.GridColumns}-column grid.");
        }

        if (y < 0 || height < 1 || height > DashboardLimits.MaxHeight)
        {
            throw new ArgumentOutOfRangeException(nameof(height), $"A widget at y={y} of height {height} is outside the grid.");
        }

        Type = type;
        X = x;
        Y = y;
        Width = width;
        Height = height;
        Properties = properties;
        MetricCount = metricCount;
    }

    public string Type { get; }

    public int X { get; }

    public int Y { get; }

    public int Width { get; }

    public int Height { get; }

    public JsonObject Properties { get; }

    public int MetricCount { get; }

    public bool Overlaps(DashboardWidget other) =>
        X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;

    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["x"] = X,
        ["y"] = Y,
        ["width"] = Width,
        ["height"] = Height,
        ["properties"] = Properties.DeepClone(),
    };
}
