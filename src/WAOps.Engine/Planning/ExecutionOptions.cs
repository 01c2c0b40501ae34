namespace WAOps.Engine.Planning;

/// <summary>How a plan is carried out.</summary>
public sealed record ExecutionOptions
{
    public static ExecutionOptions Sequential { get; } = new();

    /// <summary>
    /// How many writes run at once. Confirmation is still asked in plan order, one change at a time; results of
    /// writes that run together come out in the order they finish.
    /// </summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>Reports "done of total" progress for writes (off for plans whose applier reports its own steps).</summary>
    public bool ReportProgress { get; init; } = true;

    /// <summary>What a progress line starts with ("Alarms", "Cleanup").</summary>
    public string ProgressLabel { get; init; } = "Changes";
}
