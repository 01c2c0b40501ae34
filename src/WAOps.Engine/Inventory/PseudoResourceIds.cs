namespace WAOps.Engine.Inventory;

/// <summary>
/// The ids of WAOps' pseudo-resources, which AWS gives no ARN: the account, one region of it, and a project.
/// They read like their kinds (aws:account, aws:account-region, aws:project) and are what waiver patterns match.
/// </summary>
public static class PseudoResourceIds
{
    /// <summary>The region of resources that have none (the account, IAM).</summary>
    public const string GlobalRegion = "global";

    public static string Account(string accountId) => $"aws:account/{accountId}";

    public static string AccountRegion(string accountId, string region) => $"aws:account/{accountId}/region/{region}";

    /// <summary>A template or plan file (its name: ids stay the same wherever the repository is checked out).</summary>
    public static string Template(string fileName) => $"aws:template/{fileName}";

    public static string Project(string accountId, string project) => $"aws:account/{accountId}/project/{project}";
}
