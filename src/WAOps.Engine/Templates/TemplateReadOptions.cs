namespace WAOps.Engine.Templates;

/// <summary>What a template does not say but its reader needs: where it would be deployed and the parameter values given.</summary>
public sealed class TemplateReadOptions
{
    /// <summary>The account id template resources are filed under (AWS::AccountId itself stays unresolved: it is known at deployment).</summary>
    public const string PlaceholderAccountId = "000000000000";

    /// <summary>The region templates are judged in when none is given or set.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>The region AWS::Region and !GetAZs resolve to, and the region of every resource.</summary>
    public string Region { get; init; } = DefaultRegion;

    public string AccountId { get; init; } = PlaceholderAccountId;

    /// <summary>Parameter values (-TemplateParameter): they override Defaults. Lists may be given comma-separated.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
