namespace WAOps.Engine.Inventory.Properties;

/// <summary>A listener's (default) action: forward, redirect, fixed-response, authenticate-*; where a redirect goes; which target groups it forwards to.</summary>
public sealed record ListenerAction(string Type, string? RedirectProtocol, IReadOnlyList<string> TargetGroupIds)
{
    public bool RedirectsToHttps => string.Equals(Type, "redirect", StringComparison.OrdinalIgnoreCase)
        && string.Equals(RedirectProtocol, "HTTPS", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Type + (RedirectProtocol is null ? string.Empty : $" to {RedirectProtocol}")
        + (TargetGroupIds.Count == 0 ? string.Empty : $" to {string.Join(", ", TargetGroupIds)}");
}
