namespace WAOps.Engine.Errors;

/// <summary>Stable error ids for parameter combinations and values PowerShell's own binding cannot check.</summary>
public static class ParameterErrorIds
{
    public const string ConflictingParameters = "ConflictingParameters";
    public const string InvalidTagFilter = "InvalidTagFilter";
    public const string InvalidResourceTypeFilter = "InvalidResourceTypeFilter";
    public const string InvalidTagParameter = "InvalidTagParameter";
    public const string InvalidResourceArn = "InvalidResourceArn";
    public const string MissingOutputFormat = "MissingOutputFormat";
    public const string MissingOutFile = "MissingOutFile";
    public const string InvalidOutFile = "InvalidOutFile";
    public const string InvalidAccountId = "InvalidAccountId";
}
