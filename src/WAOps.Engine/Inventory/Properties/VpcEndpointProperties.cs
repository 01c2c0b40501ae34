namespace WAOps.Engine.Inventory.Properties;

/// <summary>A VPC endpoint (ec2:vpc-endpoint): a gateway endpoint (S3, DynamoDB) lives in route tables, an interface endpoint in subnets.</summary>
public sealed class VpcEndpointProperties : ResourceProperties
{
    public Fact<string> VpcId { get; init; }

    /// <summary>com.amazonaws.&lt;region&gt;.s3, com.amazonaws.&lt;region&gt;.ecr.api, ...</summary>
    public Fact<string> ServiceName { get; init; }

    /// <summary>Gateway, Interface or GatewayLoadBalancer.</summary>
    public Fact<string> EndpointType { get; init; }

    /// <summary>The route tables a gateway endpoint is associated with (each gets a route to the service's prefix list).</summary>
    public Fact<IReadOnlyList<string>> RouteTableIds { get; init; }

    /// <summary>The subnets an interface endpoint has network interfaces in.</summary>
    public Fact<IReadOnlyList<string>> SubnetIds { get; init; }

    /// <summary>available, pending, deleting, ... (null when not reported).</summary>
    public Fact<string?> State { get; init; }

    /// <summary>The AWS service part of the name: "s3", "dynamodb", "ecr.api", "logs" (com.amazonaws.us-east-1.ecr.api -> ecr.api).</summary>
    public static string ShortServiceName(string serviceName, string region)
    {
        var prefix = $"com.amazonaws.{region}.";
        if (serviceName.StartsWith(prefix, StringComparison.Ordinal))
        {
            return serviceName[prefix.Length..];
        }

        // Other partitions and FIPS names: the part after the region, when the region is in the name.
        var at = serviceName.IndexOf("." + region + ".", StringComparison.Ordinal);
        return at >= 0 ? serviceName[(at + region.Length + 2)..] : serviceName;
    }
}
