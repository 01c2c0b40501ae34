namespace WAOps.Aws.Protocol;

/// <summary>Tells reads from writes by the operation's name, as AWS names them (Describe*, List*, Get*, ...).</summary>
public static class AwsOperationNames
{
    private static readonly string[] ReadPrefixes = { "Describe", "List", "Get", "BatchGet", "Query", "Scan", "Search", "Lookup", "Select" };

    public static bool IsRead(string operation) => ReadPrefixes.Any(prefix => operation.StartsWith(prefix, StringComparison.Ordinal));
}
