namespace WAOps.Engine.Dashboards;

/// <summary>
/// Places widgets on CloudWatch's 24-column grid row by row, top to bottom: each row starts at x = 0 below the
/// tallest widget of the row above, and a row wider than 24 columns wraps. Placement depends only on the order
/// and sizes given, so the same widgets always land in the same places, and no two widgets overlap.
/// </summary>
public sealed class GridLayout
{
    private readonly List<DashboardWidget> _placed = new();
    private int _y;

    public IReadOnlyList<DashboardWidget> Widgets => _placed;

    public int Height => _y;

    /// <summary>Places the widgets left to right from the start of a new row, wrapping where a widget would cross column 24.</summary>
    public void AddRow(IEnumerable<UnplacedWidget> widgets)
    {
        var x = 0;
        var rowHeight = 0;
        foreach (var widget in widgets)
        {
            if (widget.Width > DashboardLimits.GridColumns)
            {
                throw new ArgumentException($"A widget {widget.Width} columns wide does not fit the {DashboardLimits.GridColumns}-column grid.", nameof(widgets));
            }

            if (x + widget.Width > DashboardLimits.GridColumns)
            {
                _y += rowHeight;
                x = 0;
                rowHeight = 0;
            }

            _placed.Add(new DashboardWidget(widget.Type, x, _y, widget.Width, widget.Height, widget.Properties, widget.MetricCount));
            x += widget.Width;
            rowHeight = Math.Max(rowHeight, widget.Height);
        }

        _y += rowHeight;
    }

    /// <summary>Widths for n widgets side by side in one row: 24, 12, 8, 6 (a lone graph takes half the row); more than four wrap at 6.</summary>
    public static int WidthFor(int count) => count switch
    {
        <= 2 => DashboardLimits.GridColumns / 2,
        3 => 8,
        _ => 6,
    };
}
