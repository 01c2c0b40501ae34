using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 1: a production EFS file system is regional with mount targets in more than one AZ.</summary>
public sealed class EfsMultiAzRule : GateRule<FileSystemProperties>
{
    public override string Id => "efs-multi-az";

    public override string Title => "Production EFS file systems are regional with mount targets in several AZs";

    public override string Description =>
        "A production file system must be a regional (Standard) file system, not One Zone (no AvailabilityZoneName), and be reachable "
        + "through mount targets in more than one Availability Zone.";

    public override string Remediation => "Use a regional file system (restore a One Zone one into a new regional file system with AWS Backup) and create a mount target in each AZ your clients run in.";

    public override QualityGate Gate => QualityGate.MultiAz;

    public override Pillar Pillar => Pillar.Reliability;

    public override Severity Severity => Severity.Medium;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.FileSystem };

    public override bool ProductionOnly => true;

    protected override RuleVerdict Judge(InventoryResource resource, FileSystemProperties fs, RuleContext context)
    {
        if (!fs.AvailabilityZoneName.TryGet(out var oneZone))
        {
            return RuleVerdict.NotKnown(fs.AvailabilityZoneName, "AvailabilityZoneName");
        }

        if (oneZone is not null)
        {
            return RuleVerdict.Fail($"One Zone file system in {oneZone}");
        }

        if (!fs.MountTargetAvailabilityZones.TryGet(out var zones))
        {
            return RuleVerdict.NotKnown(fs.MountTargetAvailabilityZones, "mount targets");
        }

        var distinct = zones.Distinct(StringComparer.Ordinal).OrderBy(z => z, StringComparer.Ordinal).ToList();
        return distinct.Count > 1
            ? RuleVerdict.Pass($"regional, mount targets in {distinct.Count} AZs ({string.Join(", ", distinct)})")
            : RuleVerdict.Fail(distinct.Count == 0 ? "regional, but no mount targets" : $"regional, but mount targets only in {distinct[0]}");
    }
}
