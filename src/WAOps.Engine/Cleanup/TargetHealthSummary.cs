namespace WAOps.Engine.Cleanup;

/// <summary>
/// A load balancer's targets as DescribeTargetHealth reports them: how many target groups, and how many targets in
/// each health state (initial, healthy, unhealthy, unhealthy.draining, unused, draining, unavailable). Evidence for
/// people, never a verdict: a target can be unavailable by design (health checks off, the Lambda default).
/// </summary>
public sealed class TargetHealthSummary
{
    private readonly SortedDictionary<string, int> _states;

    public TargetHealthSummary(int targetGroups, IEnumerable<string> states)
    {
        TargetGroups = targetGroups;
        _states = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var state in states)
        {
            _states[state] = _states.TryGetValue(state, out var n) ? n + 1 : 1;
        }
    }

    public int TargetGroups { get; }

    /// <summary>Targets by health state.</summary>
    public IReadOnlyDictionary<string, int> States => _states;

    public int Registered => _states.Values.Sum();

    public int Healthy => _states.TryGetValue("healthy", out var n) ? n : 0;

    public override string ToString() => Registered == 0
        ? $"none registered in {TargetGroups} target group(s)"
        : $"{Registered} in {TargetGroups} target group(s): {string.Join(", ", _states.Select(s => $"{s.Value} {s.Key}"))}";
}
