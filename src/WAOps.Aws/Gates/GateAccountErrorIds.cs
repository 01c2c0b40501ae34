namespace WAOps.Aws.Gates;

/// <summary>Stable error ids of the multi-account quality gate run.</summary>
public static class GateAccountErrorIds
{
    /// <summary>An account could not be checked (the role could not be assumed, its regions could not be read).</summary>
    public const string AccountUnavailable = "AccountUnavailable";

    /// <summary>The organization's accounts could not be listed (not the management account or a delegated administrator).</summary>
    public const string OrganizationAccountsUnavailable = "OrganizationAccountsUnavailable";

    /// <summary>A listing of the live collector failed; its kinds are reported as errors by the rules.</summary>
    public const string InventoryListingFailed = "InventoryListingFailed";
}
