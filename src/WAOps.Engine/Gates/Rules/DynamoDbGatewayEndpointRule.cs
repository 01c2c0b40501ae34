namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 7: the DynamoDB gateway endpoint.</summary>
public sealed class DynamoDbGatewayEndpointRule : GatewayEndpointRule
{
    public override string Id => "vpc-gateway-endpoint-dynamodb";

    protected override string Service => "dynamodb";

    protected override string ServiceTitle => "Amazon DynamoDB";

    public override Severity Severity => Severity.Low;
}
