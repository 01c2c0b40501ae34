using System.Collections.Concurrent;

namespace WAOps.Engine.Gates.Waivers;

/// <summary>
/// The waivers of a run, applied to findings as they are made: a Fail or Unknown finding that an unexpired waiver
/// matches becomes Waived; one that only an expired waiver matches keeps its status and says so. Remembers which
/// waivers matched, for the summary (expired waivers that still match something; waivers that match nothing).
/// Thread-safe: accounts are judged in parallel.
/// </summary>
public sealed class WaiverSet
{
    public static readonly WaiverSet Empty = new(Array.Empty<Waiver>(), DateOnly.MinValue);

    private readonly ConcurrentDictionary<Waiver, byte> _used = new();
    private readonly ConcurrentDictionary<Waiver, byte> _expiredMatches = new();

    public WaiverSet(IReadOnlyList<Waiver> waivers, DateOnly today)
    {
        Waivers = waivers;
        Today = today;
    }

    public IReadOnlyList<Waiver> Waivers { get; }

    /// <summary>The date (UTC) expiry is judged on.</summary>
    public DateOnly Today { get; }

    /// <summary>Every expired waiver: they waive nothing and are reported.</summary>
    public IReadOnlyList<Waiver> Expired => Waivers.Where(w => w.IsExpired(Today)).ToList();

    /// <summary>Expired waivers that matched a finding of this run (the finding counts again).</summary>
    public IReadOnlyList<Waiver> ExpiredAndMatched => Waivers.Where(_expiredMatches.ContainsKey).ToList();

    /// <summary>Unexpired waivers that matched nothing (the resource is fixed or gone, or the pattern is wrong).</summary>
    public IReadOnlyList<Waiver> Unused => Waivers.Where(w => !w.IsExpired(Today) && !_used.ContainsKey(w)).ToList();

    /// <summary>The finding as waivers leave it.</summary>
    public GateFinding Apply(GateFinding finding)
    {
        if (Waivers.Count == 0 || finding.Status is not (GateStatus.Fail or GateStatus.Unknown))
        {
            return finding;
        }

        Waiver? expired = null;
        foreach (var waiver in Waivers)
        {
            if (!waiver.Matches(finding))
            {
                continue;
            }

            if (!waiver.IsExpired(Today))
            {
                _used.TryAdd(waiver, 0);
                return Copy(finding, GateStatus.Waived, $"{finding.Reason} [waived until {waiver.Expires:yyyy-MM-dd} by {waiver.Owner}: {waiver.Reason}]", waiver, expired: false);
            }

            expired ??= waiver;
        }

        if (expired is null)
        {
            return finding;
        }

        _expiredMatches.TryAdd(expired, 0);
        return Copy(finding, finding.Status, $"{finding.Reason} [waiver expired on {expired.Expires:yyyy-MM-dd} ({expired.Owner}, {expired.Source})]", expired, expired: true);
    }

    private static GateFinding Copy(GateFinding f, GateStatus status, string reason, Waiver waiver, bool expired) => new()
    {
        RuleId = f.RuleId,
        Title = f.Title,
        Gate = f.Gate,
        Pillar = f.Pillar,
        Severity = f.Severity,
        Status = status,
        Reason = reason,
        Remediation = f.Remediation,
        Detail = f.Detail,
        ResourceArn = f.ResourceArn,
        ResourceType = f.ResourceType,
        ResourceId = f.ResourceId,
        Name = f.Name,
        AccountId = f.AccountId,
        Region = f.Region,
        Environment = f.Environment,
        Project = f.Project,
        Location = f.Location,
        Waiver = waiver,
        WaiverExpired = expired,
    };
}
