using WAOps.Engine.Inventory;
using WAOps.Engine.Tags;

namespace WAOps.Engine.Templates;

/// <summary>
/// One resource declared by a template or plan, evaluated: its name there (logical id or Terraform address), its type,
/// the id the inventory files it under, the id references to it resolve to, its properties and where it is declared.
/// </summary>
public sealed record TemplateResource(string Name, string Type, string Id, string RefId, PropertyView Properties, SourceLocation Location)
{
    public TagSet Tags { get; init; } = TagSet.Empty;

    /// <summary>Why the tags cannot be known (a tag built from a value only deployment knows); null when they are.</summary>
    public string? TagsUnknownReason { get; init; }
}
