using WAOps.Engine.Inventory;

namespace WAOps.Engine.Gates;

/// <summary>What a rule sees besides the resource it judges: the whole inventory (for references) and the options.</summary>
public sealed class RuleContext
{
    public RuleContext(ResourceInventory inventory, GateOptions options)
    {
        Inventory = inventory;
        Options = options;
    }

    public ResourceInventory Inventory { get; }

    public GateOptions Options { get; }
}
