namespace WAOps.Engine.Monitoring;

/// <summary>The resources described for monitoring, those left out with the reason, and warnings about facts that could not be read.</summary>
public sealed record ResolveResult(IReadOnlyList<MonitoredResource> Resources, IReadOnlyList<IgnoredResource> Ignored, IReadOnlyList<string> Warnings);
