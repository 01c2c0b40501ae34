using WAOps.Aws.Protocol;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

public sealed class RetryPolicyTests
{
    [Fact]
    public void FullJitterStaysWithinTheExponentialCeilingAndTheCap()
    {
        var options = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
        var random = new Random(42);
        for (var attempt = 2; attempt <= 12; attempt++)
        {
            var ceiling = Math.Min(1000, 100 * Math.Pow(2, attempt - 1));
            var delays = Enumerable.Range(0, 200).Select(_ => options.DelayBefore(attempt, random).TotalMilliseconds).ToList();
            Assert.All(delays, d => Assert.InRange(d, 0, ceiling));
            // Full jitter spreads over the whole range rather than clustering at the ceiling.
            Assert.True(delays.Min() < ceiling * 0.2 && delays.Max() > ceiling * 0.8, $"attempt {attempt}: {delays.Min()}..{delays.Max()} of {ceiling}");
        }
    }

    [Theory]
    [InlineData("Throttling", 400, true)]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("ThrottledException", 400, true)]
    [InlineData("RequestLimitExceeded", 503, true)]
    [InlineData("TooManyRequestsException", 429, true)]
    [InlineData("Anything", 429, true)]
    [InlineData("LimitExceededException", 400, false)]
    [InlineData("AccessDenied", 403, false)]
    public void ThrottlingIsRecognisedByCodeOrStatus(string code, int status, bool throttling)
    {
        Assert.Equal(throttling, AwsErrorClassifier.IsThrottling(code, status));
    }

    [Theory]
    [InlineData("InternalFailure", 500, true)]
    [InlineData("ServiceUnavailable", 503, true)]
    [InlineData("Whatever", 502, true)]
    [InlineData("Whatever", 504, true)]
    [InlineData("RequestTimeout", 400, true)]
    [InlineData("ValidationException", 400, false)]
    public void TransientErrorsAreRecognised(string code, int status, bool transient)
    {
        Assert.Equal(transient, AwsErrorClassifier.IsTransient(code, status));
    }

    [Theory]
    [InlineData("AccessDeniedException", 400, ErrorKind.PermissionDenied)]
    [InlineData("UnauthorizedOperation", 403, ErrorKind.PermissionDenied)]
    [InlineData("SignatureDoesNotMatch", 403, ErrorKind.AuthenticationError)]
    [InlineData("ExpiredToken", 400, ErrorKind.AuthenticationError)]
    [InlineData("DBInstanceNotFound", 404, ErrorKind.ObjectNotFound)]
    [InlineData("NoSuchBucket", 404, ErrorKind.ObjectNotFound)]
    [InlineData("InvalidVolume.NotFound", 400, ErrorKind.ObjectNotFound)]
    [InlineData("DuplicateRecordException", 400, ErrorKind.ResourceExists)]
    [InlineData("LimitExceededException", 400, ErrorKind.QuotaExceeded)]
    [InlineData("ValidationException", 400, ErrorKind.InvalidArgument)]
    [InlineData("Throttling", 400, ErrorKind.LimitsExceeded)]
    [InlineData("InternalFailure", 500, ErrorKind.ResourceUnavailable)]
    public void ErrorCodesMapToKinds(string code, int status, ErrorKind kind)
    {
        Assert.Equal(kind, AwsErrorClassifier.KindOf(code, status));
    }
}
