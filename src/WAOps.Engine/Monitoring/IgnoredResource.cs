namespace WAOps.Engine.Monitoring;

/// <summary>A resource left out of the dashboard, and why (a kind WAOps has no widgets for, a resource that is gone, ...).</summary>
public sealed record IgnoredResource(string Arn, string Reason);
