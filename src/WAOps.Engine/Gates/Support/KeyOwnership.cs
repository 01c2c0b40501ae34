using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Support;

/// <summary>
/// Whether a KMS key reference names a customer-managed key. AWS-managed keys are the aliases alias/aws/* (which
/// customers cannot create); other aliases are customers'. A key id or ARN is judged by the kms:key resource the
/// inventory holds for it (live: KMS DescribeKey's KeyManager).
/// </summary>
public static class KeyOwnership
{
    public static Fact<bool> IsCustomerManaged(ResourceInventory inventory, InventoryResource from, string keyReference)
    {
        var aliasAt = keyReference.IndexOf("alias/", StringComparison.Ordinal);
        if (aliasAt >= 0)
        {
            return !keyReference[aliasAt..].StartsWith("alias/aws/", StringComparison.Ordinal);
        }

        var found = inventory.Lookup(from, ResourceKinds.KmsKey, keyReference);
        if (!found.TryGet(out var key))
        {
            return found.Select(_ => false);
        }

        var manager = key.PropertiesAs<KmsKeyProperties>()?.KeyManager ?? Fact<string>.Unresolved("no key properties");
        return manager.Select(m => string.Equals(m, "CUSTOMER", StringComparison.Ordinal));
    }
}
