namespace WAOps.Engine.Dashboards;

/// <summary>One graph of a resource: its title, its lines, the period in seconds (a multiple of 60) and its region.</summary>
public sealed record GraphSpec(string Title, IReadOnlyList<MetricLine> Lines, string Region, int Period = 60);
