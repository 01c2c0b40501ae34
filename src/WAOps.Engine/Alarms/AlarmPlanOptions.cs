namespace WAOps.Engine.Alarms;

/// <summary>How the alarm planner treats what it finds.</summary>
public sealed record AlarmPlanOptions
{
    /// <summary>The workload's name (the dashboard name); alarms carry it in their names and descriptions.</summary>
    public required string Workload { get; init; }

    /// <summary>The alarm name prefix (-AlarmPrefix).</summary>
    public string Prefix { get; init; } = AlarmNaming.DefaultPrefix;

    /// <summary>
    /// SNS topics for alarm and OK actions, by region (-AlarmTopicArn). Alarms in a region listed here get exactly
    /// these actions; in other regions the actions an alarm has are kept.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> TopicsByRegion { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Tags for the alarms (ManagedBy, the workload, Project, Environment).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Delete the workload's alarms that are no longer wanted, instead of reporting them.</summary>
    public bool Prune { get; init; }
}
