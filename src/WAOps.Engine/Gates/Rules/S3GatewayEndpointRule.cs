namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 7: the S3 gateway endpoint.</summary>
public sealed class S3GatewayEndpointRule : GatewayEndpointRule
{
    public override string Id => "vpc-gateway-endpoint-s3";

    protected override string Service => "s3";

    protected override string ServiceTitle => "Amazon S3";
}
