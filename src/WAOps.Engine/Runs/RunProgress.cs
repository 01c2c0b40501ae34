namespace WAOps.Engine.Runs;

/// <summary>Where a run is: a status line, optionally how far (0-100), or that it is done.</summary>
public sealed record RunProgress(string Status, int? Percent = null, string? Operation = null, bool Completed = false)
{
    public static RunProgress Done { get; } = new("Done", Completed: true);

    /// <summary>A status with done of total as a percentage (at most 99 until the run says it is done).</summary>
    public static RunProgress Of(string status, int done, int total, string? operation = null) =>
        new(status, total <= 0 ? null : Math.Min(99, 100 * done / total), operation);
}
