using WAOps.Engine.Inventory;

namespace WAOps.Engine.Templates;

/// <summary>One template or plan read into an inventory, with what the reader wants the user to know (parts not judged).</summary>
public sealed record TemplateReadResult(string Path, TemplateFormat Format, ResourceInventory Inventory, IReadOnlyList<string> ParameterNames, IReadOnlyList<string> Notes)
{
    /// <summary>How many resources the template or plan declares that the inventory models (pseudo-resources not counted).</summary>
    public int ModelledResources => Inventory.Resources.Count(r => !r.ResourceType.StartsWith("aws:", StringComparison.Ordinal));
}
