namespace WAOps.Aws.Monitoring;

/// <summary>A resource to monitor before anything is known about it: its ARN and the region it lives in.</summary>
public sealed record ResourceReference(string Arn, string Region);

/// <summary>A resource left out of the dashboard, and why (a kind WAOps has no widgets for, a resource that is gone, ...).</summary>
public sealed record IgnoredResource(string Arn, string Reason);
