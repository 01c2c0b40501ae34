using WAOps.Engine.Inventory;
using Xunit;

namespace WAOps.Engine.Tests.Inventory;

/// <summary>ARNs users type or pipe in are checked part by part, and the message names the part that is wrong.</summary>
public sealed class ArnInputTests
{
    [Theory]
    [InlineData("arn:aws:rds:us-east-1:123456789012:db:orders")]
    [InlineData("arn:aws:s3:::my-bucket")]
    [InlineData("arn:aws-us-gov:ec2:us-gov-west-1:123456789012:volume/vol-1")]
    [InlineData("arn:aws:iam::aws:policy/ReadOnlyAccess")]
    [InlineData("arn:aws:cloudfront::123456789012:distribution/E2QWRUHEXAMPLE")]
    public void WellFormedArnsPass(string text)
    {
        Assert.True(ArnInput.TryParse(text, out var arn, out var problem), problem);
        Assert.Equal(text, arn.ToString());
    }

    [Theory]
    [InlineData("not-an-arn", "six parts")]
    [InlineData("arn:aws:rds:us-east-1:123456789012", "six parts")]
    [InlineData("arn:amazon:rds:us-east-1:123456789012:db:x", "'amazon' is not a partition")]
    [InlineData("arn:aws:RDS:us-east-1:123456789012:db:x", "'RDS' is not a service name")]
    [InlineData("arn:aws:rds:us east 1:123456789012:db:x", "'us east 1' is not a region name")]
    [InlineData("arn:aws:rds:useast1:123456789012:db:x", "'useast1' is not a region name")]
    [InlineData("arn:aws:rds:us-east-1:1234:db:x", "'1234' is not an account id")]
    [InlineData("arn:aws:rds:us-east-1:12345678901a:db:x", "is not an account id")]
    public void MalformedArnsAreRefusedWithThePartThatIsWrong(string text, string expected)
    {
        Assert.False(ArnInput.TryParse(text, out _, out var problem));
        Assert.Contains(expected, problem);
    }
}
