using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 5: GuardDuty has an enabled detector in the region.</summary>
public sealed class GuardDutyEnabledRule : GateRule<AccountRegionProperties>
{
    public override string Id => "guardduty-enabled";

    public override string Title => "GuardDuty is enabled in every enabled region";

    public override string Description =>
        "Every enabled region needs a GuardDuty detector with status ENABLED (threats in a region without one go unseen). Member accounts of a "
        + "delegated-administrator setup have their own detector, so they pass; opt-in regions that are not enabled are not scanned.";

    public override string Remediation => "aws guardduty create-detector --enable --region <region> in each region, or enable GuardDuty for the organization from the delegated administrator (auto-enable for new accounts).";

    public override QualityGate Gate => QualityGate.AuditAndThreatDetection;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.AccountRegion };

    public override IReadOnlyList<ResourceKind> Reads { get; } = new[] { ResourceKinds.Detector };

    protected override RuleVerdict Judge(InventoryResource resource, AccountRegionProperties region, RuleContext context)
    {
        var detectors = context.Inventory.OfKind(ResourceKinds.Detector, resource.AccountId, resource.Region).ToList();
        if (detectors.Count == 0)
        {
            return context.Inventory.FailureFor(ResourceKinds.Detector, resource.AccountId, resource.Region) is { } failure
                ? RuleVerdict.Error($"the GuardDuty detectors of {resource.Region} could not be listed: {failure.Message}")
                : RuleVerdict.Fail($"no GuardDuty detector in {resource.Region}");
        }

        var states = new List<string>();
        foreach (var detector in detectors)
        {
            var status = detector.PropertiesAs<DetectorProperties>()?.Status ?? Fact<string>.Unresolved("no detector properties");
            if (!status.TryGet(out var value))
            {
                return RuleVerdict.NotKnown(status, $"status of detector {detector.ResourceId}");
            }

            if (string.Equals(value, "ENABLED", StringComparison.OrdinalIgnoreCase))
            {
                return RuleVerdict.Pass($"detector {detector.ResourceId} is ENABLED in {resource.Region}");
            }

            states.Add($"detector {detector.ResourceId} is {value}");
        }

        return RuleVerdict.Fail($"{string.Join("; ", states)} in {resource.Region}");
    }
}
