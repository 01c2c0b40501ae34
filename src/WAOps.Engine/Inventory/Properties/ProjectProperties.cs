namespace WAOps.Engine.Inventory.Properties;

/// <summary>A project (kind aws:project): the value of the Project tag shared by some of the account's resources.</summary>
public sealed class ProjectProperties : ResourceProperties
{
    public required string Project { get; init; }

    /// <summary>How many resources of the inventory carry the tag.</summary>
    public int ResourceCount { get; init; }
}
