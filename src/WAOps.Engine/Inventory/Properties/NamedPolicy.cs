namespace WAOps.Engine.Inventory.Properties;

/// <summary>An inline policy of a role, user or group: its name and document.</summary>
public sealed record NamedPolicy(string Name, PolicyDocument Document);
