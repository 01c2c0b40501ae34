namespace WAOps.Engine.Planning;

/// <summary>What a planned change does to its target.</summary>
public enum ChangeAction
{
    /// <summary>The target is already as desired; nothing is sent.</summary>
    None,
    Create,
    Update,
    Delete,

    /// <summary>The planner decided not to act (for example an extra item without -Prune); the reason says why.</summary>
    Skip,
}
