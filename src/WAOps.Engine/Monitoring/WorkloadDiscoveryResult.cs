namespace WAOps.Engine.Monitoring;

/// <summary>What discovery found, and notes for -Verbose (kinds left out, nested stacks read, ...).</summary>
public sealed record WorkloadDiscoveryResult(IReadOnlyList<ResourceReference> Resources, IReadOnlyList<string> Notes);
