using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.ElasticLoadBalancingV2.Model;

// DescribeListeners, named as in AWSSDK.ElasticLoadBalancingV2.

public sealed class DescribeListenersRequest
{
    public string? LoadBalancerArn { get; set; }

    public List<string>? ListenerArns { get; set; }

    public string? Marker { get; set; }

    public int? PageSize { get; set; }
}

public sealed class DescribeListenersResponse : AwsResponse
{
    public List<Listener> Listeners { get; set; } = new();

    public string? NextMarker { get; set; }
}

public sealed class Listener
{
    public string? ListenerArn { get; set; }

    public string? LoadBalancerArn { get; set; }

    public int? Port { get; set; }

    /// <summary>HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, GENEVE.</summary>
    public string? Protocol { get; set; }

    public string? SslPolicy { get; set; }

    public List<Action> DefaultActions { get; set; } = new();
}

public sealed class Action
{
    /// <summary>forward, redirect, fixed-response, authenticate-oidc, authenticate-cognito, jwt-validation.</summary>
    public string? Type { get; set; }

    public string? TargetGroupArn { get; set; }

    public int? Order { get; set; }

    public RedirectActionConfig? RedirectConfig { get; set; }

    public ForwardActionConfig? ForwardConfig { get; set; }
}

public sealed class RedirectActionConfig
{
    /// <summary>HTTP, HTTPS or #{protocol}.</summary>
    public string? Protocol { get; set; }

    public string? Port { get; set; }

    public string? StatusCode { get; set; }
}

public sealed class ForwardActionConfig
{
    public List<TargetGroupTuple> TargetGroups { get; set; } = new();
}

public sealed class TargetGroupTuple
{
    public string? TargetGroupArn { get; set; }

    public int? Weight { get; set; }
}
