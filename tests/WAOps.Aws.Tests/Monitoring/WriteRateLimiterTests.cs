using System.Diagnostics;
using WAOps.Aws.Monitoring;
using Xunit;

namespace WAOps.Aws.Tests.Monitoring;

public sealed class WriteRateLimiterTests
{
    [Fact]
    public async Task CallsAreSpacedAtTheRate()
    {
        var limiter = new WriteRateLimiter(20);
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => limiter.WaitAsync(CancellationToken.None)));
        // Six callers at 20 per second: the last one waits for the sixth slot, 5 x 50 ms after the first.
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(240), $"took {stopwatch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task AWaitIsCancellable()
    {
        var limiter = new WriteRateLimiter(0.1);
        await limiter.WaitAsync(CancellationToken.None);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.WaitAsync(cancellation.Token));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void TheRateMustBePositive(double rate) => Assert.Throws<ArgumentOutOfRangeException>(() => new WriteRateLimiter(rate));
}
