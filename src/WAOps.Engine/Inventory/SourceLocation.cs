namespace WAOps.Engine.Inventory;

/// <summary>
/// Where a resource or one of its properties was declared: a template or plan file, the 1-based line and column,
/// and the property path inside the resource (for example "Properties.MultiAZ"). Live resources have none.
/// Findings carry it, and SARIF results become physical locations with it (code scanning annotates that line).
/// </summary>
public sealed record SourceLocation(string File, int Line, int Column, string? PropertyPath = null)
{
    /// <summary>The same file and position with a property path (the resource's location narrowed to a property).</summary>
    public SourceLocation WithProperty(string propertyPath) => this with { PropertyPath = propertyPath };

    public override string ToString() => $"{File}:{Line}:{Column}" + (PropertyPath is null ? string.Empty : $" ({PropertyPath})");
}
