namespace WAOps.Engine.Inventory.Properties;

/// <summary>
/// The account (kind aws:account). It has no settings of its own in the model: account-wide rules look at what
/// the inventory holds for the account (its trails, its budgets).
/// </summary>
public sealed class AccountProperties : ResourceProperties
{
}
