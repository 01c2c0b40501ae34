namespace WAOps.Engine.Planning;

/// <summary>How applying one planned change ended. A re-run of an applied plan yields only Unchanged.</summary>
public enum ChangeOutcome
{
    Unchanged,
    Created,
    Updated,
    Deleted,
    Skipped,
    Failed,
}
