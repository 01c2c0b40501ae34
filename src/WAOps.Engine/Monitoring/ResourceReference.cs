namespace WAOps.Engine.Monitoring;

/// <summary>A resource to monitor before anything is known about it: its ARN and the region it lives in.</summary>
public sealed record ResourceReference(string Arn, string Region);
