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
}
