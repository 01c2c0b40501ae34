using WAOps.Engine.Inventory;
using Xunit;

namespace WAOps.Engine.Tests.Inventory;

public sealed class ArnTests
{
    [Theory]
    [InlineData("arn:aws:ec2:us-east-1:123456789012:instance/i-0abc", "ec2:instance", "i-0abc", "us-east-1")]
    [InlineData("arn:aws:s3:::my-bucket", "s3:bucket", "my-bucket", "")]
    [InlineData("arn:aws:sqs:eu-west-1:123456789012:orders", "sqs:queue", "orders", "eu-west-1")]
    [InlineData("arn:aws:sns:eu-west-1:123456789012:alerts", "sns:topic", "alerts", "eu-west-1")]
    [InlineData("arn:aws:rds:us-east-1:123456789012:db:orders-db", "rds:db", "orders-db", "us-east-1")]
    [InlineData("arn:aws:rds:us-east-1:123456789012:cluster:aurora-1", "rds:cluster", "aurora-1", "us-east-1")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:resize", "lambda:function", "resize", "us-east-1")]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/orders", "dynamodb:table", "orders", "us-east-1")]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188", "elasticloadbalancing:loadbalancer", "50dc6c495c0c9188", "us-east-1")]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:service/prod/web", "ecs:service", "web", "us-east-1")]
    [InlineData("arn:aws-cn:ec2:cn-north-1:123456789012:volume/vol-1", "ec2:volume", "vol-1", "cn-north-1")]
    public void SplitsArnsIntoTypeIdAndRegion(string text, string type, string id, string region)
    {
        var arn = Arn.Parse(text);
        Assert.Equal(type, arn.ResourceType);
        Assert.Equal(id, arn.ResourceId);
        Assert.Equal(region, arn.Region);
        Assert.Equal(text, arn.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("i-0abc")]
    [InlineData("arn:aws:ec2")]
    [InlineData("arn::ec2:us-east-1:1:instance/i")]
    [InlineData("arn:aws:ec2:us-east-1:123:")]
    public void RejectsWhatIsNotAnArn(string text)
    {
        Assert.False(Arn.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Arn.Parse(text));
    }

    [Fact]
    public void ArnsParsedInARowShareTheirCommonPartsAndKeepTheirOwn()
    {
        var first = Arn.Parse("arn:aws:sqs:us-east-1:123456789012:orders");
        var second = Arn.Parse("arn:aws:sqs:us-east-1:123456789012:payments");
        var other = Arn.Parse("arn:aws:sns:eu-west-1:210987654321:alerts");
        var again = Arn.Parse("arn:aws:sqs:us-east-1:123456789012:refunds");

        Assert.Same(first.Account, second.Account);
        Assert.Same(first.Region, second.Region);
        Assert.Same(first.ResourceType, second.ResourceType);
        Assert.Equal(("sns", "eu-west-1", "210987654321", "sns:topic", "alerts"), (other.Service, other.Region, other.Account, other.ResourceType, other.ResourceId));
        Assert.Equal(("sqs", "us-east-1", "123456789012", "sqs:queue", "refunds"), (again.Service, again.Region, again.Account, again.ResourceType, again.ResourceId));
        Assert.Equal(first, Arn.Parse("arn:aws:sqs:us-east-1:123456789012:orders"));
    }
}
