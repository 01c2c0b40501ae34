namespace WAOps.Engine.Inventory.Properties;

/// <summary>
/// Base of the typed properties of one resource kind. Each property is a <see cref="Fact{T}"/>: known, or unknown
/// with the reason. Relationships to other resources are references (the other resource's id as AWS names it,
/// such as subnet-0abc or an ARN, or a template's logical id), resolved through the inventory, never by calling AWS.
/// </summary>
public abstract class ResourceProperties
{
}
