namespace WAOps.Engine.Gates;

/// <summary>The six pillars of the AWS Well-Architected Framework; each rule belongs to one.</summary>
public enum Pillar
{
    OperationalExcellence,
    Security,
    Reliability,
    PerformanceEfficiency,
    CostOptimization,
    Sustainability,
}
