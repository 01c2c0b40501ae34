namespace WAOps.Engine.Cleanup;

/// <summary>
/// The stable ErrorIds of Invoke-WAIdleCleanup. Input errors are raised before anything is read or written; the
/// others belong to one resource (a non-terminating error and a Failed result) or stop the run before any write.
/// </summary>
public static class CleanupErrorIds
{
    /// <summary>An -Environment value names or could match a production environment (prod, production, any case or spacing).</summary>
    public const string ProtectedEnvironment = nameof(ProtectedEnvironment);

    /// <summary>An -Environment value that is empty or not a tag value.</summary>
    public const string InvalidEnvironment = nameof(InvalidEnvironment);

    /// <summary>-ExclusionTag is not a usable tag key.</summary>
    public const string InvalidExclusionTag = nameof(InvalidExclusionTag);

    /// <summary>-MaxActions is outside 1..1000.</summary>
    public const string InvalidMaxActions = nameof(InvalidMaxActions);

    /// <summary>-OlderThanDays is outside 0..3650.</summary>
    public const string InvalidOlderThanDays = nameof(InvalidOlderThanDays);

    /// <summary>-GracePeriodDays is outside 0..365.</summary>
    public const string InvalidGracePeriod = nameof(InvalidGracePeriod);

    /// <summary>-SnapshotTimeoutMinutes is outside 1..720.</summary>
    public const string InvalidSnapshotTimeout = nameof(InvalidSnapshotTimeout);

    /// <summary>-Threshold names an unknown threshold, or gives a value that is not a number in its range.</summary>
    public const string InvalidThreshold = nameof(InvalidThreshold);

    /// <summary>-Criterion names no known criterion.</summary>
    public const string InvalidCriterion = nameof(InvalidCriterion);

    /// <summary>Parameters that contradict each other (-MarkOnly with -GracePeriodDays 0).</summary>
    public const string ConflictingParameters = nameof(ConflictingParameters);

    /// <summary>The snapshot taken before a delete or stop did not complete in time; the resource was kept.</summary>
    public const string SnapshotNotCompleted = nameof(SnapshotNotCompleted);

    /// <summary>The snapshot taken before a delete or stop failed; the resource was kept.</summary>
    public const string SnapshotFailed = nameof(SnapshotFailed);
}
