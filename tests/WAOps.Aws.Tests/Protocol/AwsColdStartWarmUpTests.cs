using WAOps.Aws.Protocol;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

public sealed class AwsColdStartWarmUpTests
{
    [Fact]
    public void The_warm_up_signs_a_request_and_reads_a_canned_page_with_the_serializer_and_the_page_reader()
    {
        var (authorization, resourcesRead) = AwsColdStartWarmUp.Run();

        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDWARMUPONLY000000/", authorization, StringComparison.Ordinal);
        Assert.Contains("/us-east-1/tagging/aws4_request", authorization, StringComparison.Ordinal);
        // One resource each from the serializer and from the listing's page reader.
        Assert.Equal(2, resourcesRead);
    }
}
