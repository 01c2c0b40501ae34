using WAOps.Engine.Monitoring;

namespace WAOps.Engine.Dashboards;

/// <summary>What a user asked New-WADashboard for, as given: how to find the workload, what to call it, and the alarm settings.</summary>
public sealed record DashboardInput
{
    public string? Project { get; init; }

    public string? Environment { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? TagFilter { get; init; }

    public string? StackName { get; init; }

    /// <summary>Resources given by ARN (piped in), each with the region it lives in.</summary>
    public IReadOnlyList<ResourceReference> Resources { get; init; } = Array.Empty<ResourceReference>();

    public string? DashboardName { get; init; }

    public bool IncludeAlarms { get; init; }

    /// <summary>-AlarmThreshold as alarm key to value text (numbers in the invariant culture).</summary>
    public IReadOnlyDictionary<string, string?>? AlarmThresholds { get; init; }

    public IReadOnlyList<string>? AlarmTopicArns { get; init; }

    public IReadOnlyDictionary<string, string>? AlarmTags { get; init; }

    public string AlarmPrefix { get; init; } = Alarms.AlarmNaming.DefaultPrefix;

    /// <summary>Whether -AlarmWriteRate was given (it applies to alarms only).</summary>
    public bool AlarmWriteRateGiven { get; init; }

    public bool Prune { get; init; }

    public bool PassThru { get; init; }

    /// <summary>-OutFile as a file system path.</summary>
    public string? OutFile { get; init; }
}
