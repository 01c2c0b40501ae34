using WAOps.Engine.Dashboards;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Engine.Tests.Dashboards;

public sealed class DashboardNamesTests
{
    [Theory]
    [InlineData("shop-prod")]
    [InlineData("Shop_Prod_2024")]
    [InlineData("a")]
    public void ValidNamesPass(string name) => Assert.Equal(name, DashboardNames.Validate(name));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("shop prod")]
    [InlineData("shop/prod")]
    [InlineData("shop.prod")]
    [InlineData("ünïcode")]
    public void InvalidNamesAreRefusedWithAStableErrorId(string? name)
    {
        var error = Assert.Throws<WAOpsException>(() => DashboardNames.Validate(name));
        Assert.Equal(DashboardErrorIds.InvalidDashboardName, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void NamesLeaveRoomForPartNumbers()
    {
        Assert.Equal(new string('a', DashboardNames.MaxBaseLength), DashboardNames.Validate(new string('a', DashboardNames.MaxBaseLength)));
        Assert.Throws<WAOpsException>(() => DashboardNames.Validate(new string('a', DashboardNames.MaxBaseLength + 1)));
    }

    [Theory]
    [InlineData("shop", "prod", "shop-prod")]
    [InlineData("Shop Front", "prod / eu", "Shop-Front-prod-eu")]
    [InlineData("shop", null, "shop")]
    [InlineData(null, "prod", "prod")]
    public void DefaultNamesAreMadeFromTagValues(string? project, string? environment, string expected) =>
        Assert.Equal(expected, DashboardNames.FromParts(project, environment));

    [Fact]
    public void PartsAreNumberedFromTheSecond()
    {
        Assert.Equal("shop", DashboardNames.PartName("shop", 1));
        Assert.Equal("shop-2", DashboardNames.PartName("shop", 2));
        Assert.True(DashboardNames.TryParsePart("shop-12", "shop", out var part));
        Assert.Equal(12, part);
        Assert.False(DashboardNames.TryParsePart("shop-1", "shop", out _));
        Assert.False(DashboardNames.TryParsePart("shop-02", "shop", out _));
        Assert.False(DashboardNames.TryParsePart("shop-prod", "shop", out _));
        Assert.False(DashboardNames.TryParsePart("shopx-2", "shop", out _));
    }
}
