using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;

namespace WAOps.Engine.Gates;

/// <summary>One account's outcome: its inventory and the regions listed, or why it could not be checked.</summary>
public sealed record AccountInventory(string AccountId, IReadOnlyList<string> Regions, ResourceInventory? Inventory, WAOpsException? Error);
