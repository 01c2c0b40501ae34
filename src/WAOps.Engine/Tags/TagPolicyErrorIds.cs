namespace WAOps.Engine.Tags;

/// <summary>Stable error ids for tag policies, tag parameters and tag repair.</summary>
public static class TagPolicyErrorIds
{
    public const string EmptyRequiredTagList = "EmptyRequiredTagList";
    public const string InvalidTagKey = "InvalidTagKey";
    public const string DuplicateRequiredTag = "DuplicateRequiredTag";
    public const string AllowedValueForUnrequiredKey = "AllowedValueForUnrequiredKey";
    public const string EmptyAllowedValueList = "EmptyAllowedValueList";
    public const string TagPolicyFileNotFound = "TagPolicyFileNotFound";
    public const string InvalidTagPolicyFile = "InvalidTagPolicyFile";
    public const string InvalidResourceType = "InvalidResourceType";
    public const string InvalidTagValue = "InvalidTagValue";
    public const string NothingToRepair = "NothingToRepair";

    /// <summary>AWS refused to tag one resource (its own code, such as AccessDenied, is the result's ErrorId).</summary>
    public const string TagRepairFailed = "TagRepairFailed";
}
