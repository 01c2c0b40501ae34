using WAOps.Engine.Gates.Support;
using WAOps.Engine.Inventory;

namespace WAOps.Engine.Gates.Rules;

/// <summary>The shared judgement of "encrypted with a customer-managed KMS key", for when the option asks for one.</summary>
internal static class CustomerKeyVerdicts
{
    public const string SettingHint = "a customer-managed key is not required (-RequireCustomerManagedKey)";

    /// <summary>Pass when <paramref name="keyReference"/> names a customer-managed key; <paramref name="observed"/> prefixes the reason.</summary>
    public static RuleVerdict RequireCustomerKey(InventoryResource resource, string? keyReference, string observed, RuleContext context)
    {
        if (keyReference is null)
        {
            return RuleVerdict.Fail($"{observed}: not encrypted with a customer-managed KMS key");
        }

        var customer = KeyOwnership.IsCustomerManaged(context.Inventory, resource, keyReference);
        if (!customer.TryGet(out var isCustomer))
        {
            return RuleVerdict.NotKnown(customer, $"who manages key {keyReference}");
        }

        return isCustomer
            ? RuleVerdict.Pass($"{observed}: customer-managed key {keyReference}")
            : RuleVerdict.Fail($"{observed}: {keyReference} is an AWS-managed key, not a customer-managed one");
    }
}
