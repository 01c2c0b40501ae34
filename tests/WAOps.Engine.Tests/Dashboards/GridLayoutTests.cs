using System.Text.Json.Nodes;
using WAOps.Engine.Dashboards;
using Xunit;

namespace WAOps.Engine.Tests.Dashboards;

public sealed class GridLayoutTests
{
    private static UnplacedWidget Widget(int width, int height = 6) => new("text", width, height, new JsonObject());

    [Fact]
    public void RowsStackBelowTheTallestWidgetOfTheRowAbove()
    {
        var layout = new GridLayout();
        layout.AddRow(new[] { Widget(24, 3) });
        layout.AddRow(new[] { Widget(8), Widget(8, 4), Widget(8) });
        layout.AddRow(new[] { Widget(12) });

        Assert.Equal(new[] { (0, 0), (0, 3), (8, 3), (16, 3), (0, 9) }, layout.Widgets.Select(w => (w.X, w.Y)));
        Assert.Equal(15, layout.Height);
    }

    [Fact]
    public void ARowWiderThanTheGridWraps()
    {
        var layout = new GridLayout();
        layout.AddRow(Enumerable.Range(0, 6).Select(_ => Widget(6)));
        Assert.Equal(new[] { (0, 0), (6, 0), (12, 0), (18, 0), (0, 6), (6, 6) }, layout.Widgets.Select(w => (w.X, w.Y)));
        Assert.All(layout.Widgets, w => Assert.InRange(w.X + w.Width, 1, 24));
    }

    [Theory]
    [InlineData(1, 12)]
    [InlineData(2, 12)]
    [InlineData(3, 8)]
    [InlineData(4, 6)]
    public void GraphsSideBySideShareTheRow(int count, int width) => Assert.Equal(width, GridLayout.WidthFor(count));

    [Fact]
    public void AWidgetOutsideTheGridIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new GridLayout().AddRow(new[] { Widget(25) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DashboardWidget("text", 20, 0, 6, 6, new JsonObject(), 0));
    }
}
