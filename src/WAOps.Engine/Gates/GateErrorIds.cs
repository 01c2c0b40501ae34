namespace WAOps.Engine.Gates;

/// <summary>Stable error ids of the quality gates.</summary>
public static class GateErrorIds
{
    public const string UnknownRule = "UnknownRule";
    public const string UnknownRuleSet = "UnknownRuleSet";
    public const string NoRuleSelected = "NoRuleSelected";
    public const string WaiverFileNotFound = "WaiverFileNotFound";
    public const string InvalidWaiverFile = "InvalidWaiverFile";
    public const string InvalidScope = "InvalidScope";

    /// <summary>An account could not be checked (the role could not be assumed, its regions could not be read).</summary>
    public const string AccountUnavailable = "AccountUnavailable";

    /// <summary>The organization's accounts could not be listed (not the management account or a delegated administrator).</summary>
    public const string OrganizationAccountsUnavailable = "OrganizationAccountsUnavailable";

    /// <summary>A listing of the live collector failed; its kinds are reported as errors by the rules.</summary>
    public const string InventoryListingFailed = "InventoryListingFailed";
}
