using System.Text.RegularExpressions;

namespace WAOps.Aws.Tests.Support;

/// <summary>
/// DescribeTargetHealth answers as AWS gives them for each target health state (TargetHealthStateEnum in the
/// elasticloadbalancingv2 service model), with the reason codes AWS documents for it. moto 5.2.1 answers every
/// registered target healthy, without a reason.
/// </summary>
public static partial class AwsTargetHealth
{
    private static readonly IReadOnlyDictionary<string, (string? Reason, string? Description)> Reasons = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal)
    {
        ["initial"] = ("Elb.RegistrationInProgress", "Target registration is in progress"),
        ["healthy"] = (null, null),
        ["unhealthy"] = ("Target.FailedHealthChecks", "Health checks failed"),
        ["unhealthy.draining"] = ("Target.FailedHealthChecks", "Health checks failed"),
        ["unused"] = ("Target.NotInUse", "Target group is not configured to receive traffic from the load balancer"),
        ["draining"] = ("Target.DeregistrationInProgress", "Target deregistration is in progress"),
        ["unavailable"] = ("Target.HealthCheckDisabled", "Health checks are disabled"),
    };

    /// <summary>The awsQuery answer <paramref name="body"/> with every target's health replaced by <paramref name="state"/>.</summary>
    public static string Rewrite(string body, string state)
    {
        var (reason, description) = Reasons[state];
        var health = reason is null
            ? $"<TargetHealth><State>{state}</State></TargetHealth>"
            : $"<TargetHealth><State>{state}</State><Reason>{reason}</Reason><Description>{description}</Description></TargetHealth>";
        return TargetHealthElement().Replace(body, health);
    }

    [GeneratedRegex("<TargetHealth>.*?</TargetHealth>", RegexOptions.Singleline)]
    private static partial Regex TargetHealthElement();
}
