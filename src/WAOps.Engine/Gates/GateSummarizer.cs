using WAOps.Engine.Gates.Waivers;
using WAOps.Engine.Text;

namespace WAOps.Engine.Gates;

/// <summary>
/// Counts findings as they stream by (thread-safe: accounts report in parallel) and produces the summary. A Fail,
/// Unknown or Error finding at or above <c>failOn</c> blocks the gate; so does an account that could not be checked.
/// </summary>
public sealed class GateSummarizer
{
    private readonly object _lock = new();
    private readonly RuleSelection _selection;
    private readonly Severity? _failOn;
    private readonly Dictionary<string, RuleTally> _byRule;
    private readonly SortedDictionary<Severity, SeverityTally> _bySeverity = new();
    private readonly HashSet<string> _resources = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _accounts = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _regions = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _failedAccounts = new(StringComparer.Ordinal);
    private readonly List<string> _templates = new();
    private readonly DateTimeOffset _startedAt;
    private int _findings;
    private int _blocking;

    public GateSummarizer(RuleSelection selection, Severity? failOn, DateTimeOffset startedAt)
    {
        _selection = selection;
        _failOn = failOn;
        _startedAt = startedAt;
        _byRule = selection.Rules.ToDictionary(r => r.Id, r => new RuleTally
        {
            RuleId = r.Id,
            Title = r.Title,
            Gate = r.Gate,
            Pillar = r.Pillar,
            Severity = r.Severity,
        }, StringComparer.Ordinal);
        foreach (var severity in Enum.GetValues<Severity>().OrderByDescending(s => s))
        {
            _bySeverity[severity] = new SeverityTally { Severity = severity };
        }
    }

    /// <summary>Whether a finding of this status and severity fails the gate under -FailOn.</summary>
    public static bool IsBlocking(GateStatus status, Severity severity, Severity? failOn) =>
        failOn is { } threshold && severity >= threshold && status is GateStatus.Fail or GateStatus.Unknown or GateStatus.Error;

    public void Add(GateFinding finding)
    {
        lock (_lock)
        {
            _findings++;
            if (!finding.ResourceType.StartsWith("aws:", StringComparison.Ordinal) || finding.ResourceType == "aws:project")
            {
                _resources.Add(finding.ResourceArn);
            }

            _accounts.Add(finding.AccountId);
            if (finding.Region != Inventory.PseudoResourceIds.GlobalRegion)
            {
                _regions.Add(finding.Region);
            }

            var rule = _byRule.GetValueOrDefault(finding.RuleId);
            var severity = _bySeverity[finding.Severity];
            var blocking = IsBlocking(finding.Status, finding.Severity, _failOn);
            if (blocking)
            {
                _blocking++;
                if (rule is not null)
                {
                    rule.Blocking++;
                }
            }

            switch (finding.Status)
            {
                case GateStatus.Pass:
                    Bump(rule, r => r.Pass++);
                    break;
                case GateStatus.Fail:
                    Bump(rule, r => r.Fail++);
                    severity.Fail++;
                    break;
                case GateStatus.Unknown:
                    Bump(rule, r => r.Unknown++);
                    severity.Unknown++;
                    break;
                case GateStatus.Error:
                    Bump(rule, r => r.Error++);
                    severity.Error++;
                    break;
                case GateStatus.NotApplicable:
                    Bump(rule, r => r.NotApplicable++);
                    break;
                case GateStatus.Waived:
                    Bump(rule, r => r.Waived++);
                    severity.Waived++;
                    break;
            }
        }
    }

    /// <summary>Records an account that was scanned (even if it produced no finding).</summary>
    public void AddAccount(string accountId)
    {
        lock (_lock)
        {
            _accounts.Add(accountId);
        }
    }

    public void AddRegions(IEnumerable<string> regions)
    {
        lock (_lock)
        {
            _regions.UnionWith(regions);
        }
    }

    /// <summary>Records a template or plan that was judged (instead of accounts).</summary>
    public void AddTemplate(string path)
    {
        lock (_lock)
        {
            _templates.Add(path);
        }
    }

    /// <summary>Records an account that could not be checked at all; the gate cannot pass.</summary>
    public void AddFailedAccount(string accountId)
    {
        lock (_lock)
        {
            _failedAccounts.Add(accountId);
        }
    }

    public GateSummary Summarize(WaiverSet waivers, string scope, DateTimeOffset completedAt)
    {
        lock (_lock)
        {
            var tallies = _selection.Rules.Select(r => _byRule[r.Id]).ToList();
            return new GateSummary
            {
                Passed = _blocking == 0 && (_failOn is null || _failedAccounts.Count == 0),
                FailOn = _failOn,
                RuleSet = _selection.RuleSet.Id,
                Rules = _selection.Rules.Count,
                Resources = _resources.Count,
                Findings = _findings,
                Pass = tallies.Sum(t => t.Pass),
                Fail = tallies.Sum(t => t.Fail),
                Unknown = tallies.Sum(t => t.Unknown),
                Error = tallies.Sum(t => t.Error),
                NotApplicable = tallies.Sum(t => t.NotApplicable),
                Waived = tallies.Sum(t => t.Waived),
                Blocking = _blocking + (_failOn is null ? 0 : _failedAccounts.Count),
                Accounts = new TextList(_accounts.Where(a => a.Length > 0)),
                Regions = new TextList(_regions),
                FailedAccounts = new TextList(_failedAccounts),
                Templates = new TextList(_templates),
                ByRule = tallies,
                BySeverity = _bySeverity.Values.Reverse().ToList(),
                ExpiredWaivers = waivers.Expired,
                UnusedWaivers = waivers.Unused,
                Scope = scope,
                StartedAt = _startedAt,
                CompletedAt = completedAt,
            };
        }
    }

    private static void Bump(RuleTally? rule, Action<RuleTally> bump)
    {
        if (rule is not null)
        {
            bump(rule);
        }
    }
}
