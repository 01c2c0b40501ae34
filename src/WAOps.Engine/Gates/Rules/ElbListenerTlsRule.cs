using WAOps.Engine.Gates.Support;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 3: load balancer listeners encrypt in transit with TLS 1.2+, or redirect HTTP to HTTPS.</summary>
public sealed class ElbListenerTlsRule : GateRule<ListenerProperties>
{
    public override string Id => "elb-listener-tls";

    public override string Title => "Load balancer listeners use TLS 1.2 or newer";

    public override string Description =>
        "HTTPS and TLS listeners need a security policy that allows TLS 1.2 and newer only (ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, "
        + "-TLS-1-2-*, -FS-1-2-*). An HTTP listener passes only when its default action redirects to HTTPS. TCP, UDP and GENEVE listeners "
        + "cannot be judged (the load balancer does not see whether the traffic is TLS).";

    public override string Remediation => "aws elbv2 modify-listener --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06; for HTTP listeners, make the default action a redirect to HTTPS (port 443, status HTTP_301).";

    public override QualityGate Gate => QualityGate.Encryption;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Listener };

    protected override RuleVerdict Judge(InventoryResource resource, ListenerProperties listener, RuleContext context)
    {
        if (!listener.Protocol.TryGet(out var protocol))
        {
            return RuleVerdict.NotKnown(listener.Protocol, "Protocol");
        }

        var port = listener.Port.IsKnown ? $":{listener.Port.Value}" : string.Empty;
        switch (protocol.ToUpperInvariant())
        {
            case "HTTPS":
            case "TLS":
                if (!listener.SslPolicy.TryGet(out var policy))
                {
                    return RuleVerdict.NotKnown(listener.SslPolicy, "SslPolicy");
                }

                return TlsPolicies.IsTls12OrNewer(policy)
                    ? RuleVerdict.Pass($"{protocol}{port} with {policy}")
                    : RuleVerdict.Fail($"{protocol}{port} with {policy ?? "no security policy"}, which allows TLS versions below 1.2");
            case "HTTP":
                if (!listener.DefaultActions.TryGet(out var actions))
                {
                    return RuleVerdict.NotKnown(listener.DefaultActions, "DefaultActions");
                }

                // moto (5.2.1) reports an SslPolicy on HTTP listeners too; an HTTP listener's policy means nothing.
                return actions.Any(a => a.RedirectsToHttps)
                    ? RuleVerdict.Pass($"HTTP{port} redirects to HTTPS")
                    : RuleVerdict.Fail($"HTTP{port} serves plain HTTP (default action: {(actions.Count == 0 ? "none" : string.Join("; ", actions))})");
            default:
                return RuleVerdict.NotApplicable($"{protocol}{port}: the load balancer does not terminate TLS, so it cannot tell whether the traffic is encrypted");
        }
    }
}
