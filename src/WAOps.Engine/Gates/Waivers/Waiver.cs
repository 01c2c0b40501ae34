using WAOps.Engine.Text;

namespace WAOps.Engine.Gates.Waivers;

/// <summary>
/// An accepted exception: findings of <see cref="Rule"/> on resources matching <see cref="Resource"/> are waived,
/// with the reason and owner on record, until the end of <see cref="Expires"/> (UTC). An expired waiver waives
/// nothing and is reported. Both patterns take wildcards; the resource pattern is matched against the resource's ARN
/// (or WAOps id), its short id and its name.
/// </summary>
public sealed class Waiver
{
    private readonly WildcardPattern _rule;
    private readonly WildcardPattern _resource;

    public Waiver(string rule, string resource, string reason, string owner, DateOnly expires, string file, int? line = null)
    {
        Rule = rule;
        Resource = resource;
        Reason = reason;
        Owner = owner;
        Expires = expires;
        File = file;
        Line = line;
        _rule = new WildcardPattern(rule, ignoreCase: true);
        _resource = new WildcardPattern(resource);
    }

    /// <summary>A rule id, or a pattern of rule ids (iam-*).</summary>
    public string Rule { get; }

    public string Resource { get; }

    public string Reason { get; }

    public string Owner { get; }

    /// <summary>The last day (UTC) the waiver applies.</summary>
    public DateOnly Expires { get; }

    /// <summary>The waiver file it is written in.</summary>
    public string File { get; }

    /// <summary>The line of the waiver in <see cref="File"/>, when known.</summary>
    public int? Line { get; }

    /// <summary>Where it is written ("waivers.yaml line 12").</summary>
    public string Source => Line is { } line ? $"{File} line {line}" : File;

    public bool IsExpired(DateOnly today) => today > Expires;

    public bool Matches(GateFinding finding) =>
        _rule.IsMatch(finding.RuleId)
        && (_resource.IsMatch(finding.ResourceArn) || _resource.IsMatch(finding.ResourceId) || (finding.Name is not null && _resource.IsMatch(finding.Name)));

    internal bool MatchesRule(string ruleId) => _rule.IsMatch(ruleId);

    public override string ToString() => $"{Rule} on {Resource} until {Expires:yyyy-MM-dd} ({Owner}: {Reason})";
}
