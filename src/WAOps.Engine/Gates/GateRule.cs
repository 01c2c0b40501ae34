using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates;

/// <summary>
/// Base of rules over one properties type: metadata as properties, one verdict per resource from
/// <see cref="Judge"/> (override <see cref="EvaluateProperties"/> for several).
/// </summary>
public abstract class GateRule<TProperties> : IGateRule
    where TProperties : ResourceProperties
{
    public abstract string Id { get; }

    public abstract string Title { get; }

    public abstract string Description { get; }

    public abstract string Remediation { get; }

    public abstract QualityGate Gate { get; }

    public abstract Pillar Pillar { get; }

    public abstract Severity Severity { get; }

    public abstract IReadOnlyList<ResourceKind> AppliesTo { get; }

    public virtual IReadOnlyList<ResourceKind> Reads => Array.Empty<ResourceKind>();

    public virtual bool ProductionOnly => false;

    public IEnumerable<RuleVerdict> Evaluate(InventoryResource resource, RuleContext context)
    {
        if (resource.PropertiesAs<TProperties>() is not { } properties)
        {
            return new[] { RuleVerdict.Error($"the inventory holds no {typeof(TProperties).Name} for this {resource.ResourceType} resource") };
        }

        return EvaluateProperties(resource, properties, context);
    }

    protected virtual IEnumerable<RuleVerdict> EvaluateProperties(InventoryResource resource, TProperties properties, RuleContext context)
    {
        yield return Judge(resource, properties, context);
    }

    protected virtual RuleVerdict Judge(InventoryResource resource, TProperties properties, RuleContext context) =>
        throw new NotSupportedException($"{GetType().Name} overrides neither Judge nor EvaluateProperties.");

    public override string ToString() => Id;
}
