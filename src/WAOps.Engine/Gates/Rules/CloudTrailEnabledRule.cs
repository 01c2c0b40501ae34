using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 5: the account has a multi-region trail that is logging, validates log files and records all management events.</summary>
public sealed class CloudTrailEnabledRule : GateRule<AccountProperties>
{
    public override string Id => "cloudtrail-enabled";

    public override string Title => "A multi-region CloudTrail trail records the account";

    public override string Description =>
        "The account needs at least one trail that is multi-region, logging, has log file validation and records management events, "
        + "read and write (basic or advanced event selectors). An organization trail created in the management account counts for its members.";

    public override string Remediation => "aws cloudtrail create-trail --is-multi-region-trail --enable-log-file-validation ..., then start-logging; or an organization trail from the management account.";

    public override QualityGate Gate => QualityGate.AuditAndThreatDetection;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Account };

    public override IReadOnlyList<ResourceKind> Reads { get; } = new[] { ResourceKinds.Trail };

    protected override RuleVerdict Judge(InventoryResource resource, AccountProperties account, RuleContext context)
    {
        var trails = context.Inventory.OfKind(ResourceKinds.Trail, resource.AccountId).OrderBy(t => t.Arn, StringComparer.Ordinal).ToList();
        var failure = context.Inventory.ListingFailures.FirstOrDefault(f => f.ResourceType == ResourceKinds.Trail.Name && f.AccountId == resource.AccountId);
        if (trails.Count == 0)
        {
            return failure is not null
                ? RuleVerdict.Error($"the trails could not be listed in {failure.Region}: {failure.Message}")
                : RuleVerdict.Fail("the account has no CloudTrail trail");
        }

        var shortfalls = new List<string>();
        RuleVerdict? notKnown = null;
        foreach (var trail in trails)
        {
            if (trail.PropertiesAs<TrailProperties>() is not { } p)
            {
                continue;
            }

            var (missing, unknown) = Shortfalls(p);
            if (unknown is not null)
            {
                notKnown ??= unknown with { Reason = $"{trail.Name ?? trail.ResourceId}: {unknown.Reason}" };
                continue;
            }

            if (missing.Count == 0)
            {
                var organization = p.IsOrganizationTrail.ValueOr(false) ? "organization trail " : "trail ";
                return RuleVerdict.Pass($"{organization}{trail.Name ?? trail.ResourceId}: multi-region, logging, log file validation, all management events");
            }

            shortfalls.Add($"{trail.Name ?? trail.ResourceId}: {string.Join(", ", missing)}");
        }

        // A trail whose state is not known could be the good one: never fail (or pass) on a guess.
        return notKnown ?? RuleVerdict.Fail(string.Join("; ", shortfalls));
    }

    private static (List<string> Missing, RuleVerdict? NotKnown) Shortfalls(TrailProperties p)
    {
        var missing = new List<string>();
        if (!p.IsMultiRegion.TryGet(out var multiRegion))
        {
            return (missing, RuleVerdict.NotKnown(p.IsMultiRegion, "IsMultiRegionTrail"));
        }

        if (!p.IsLogging.TryGet(out var logging))
        {
            return (missing, RuleVerdict.NotKnown(p.IsLogging, "IsLogging"));
        }

        if (!p.LogFileValidationEnabled.TryGet(out var validation))
        {
            return (missing, RuleVerdict.NotKnown(p.LogFileValidationEnabled, "LogFileValidationEnabled"));
        }

        if (!p.ManagementEvents.TryGet(out var events))
        {
            return (missing, RuleVerdict.NotKnown(p.ManagementEvents, "event selectors"));
        }

        if (!multiRegion)
        {
            missing.Add("single-region");
        }

        if (!logging)
        {
            missing.Add("not logging");
        }

        if (!validation)
        {
            missing.Add("no log file validation");
        }

        if (events != ManagementEventCoverage.All)
        {
            missing.Add(events == ManagementEventCoverage.None ? "no management events" : $"management events {events} only");
        }

        return (missing, null);
    }
}
