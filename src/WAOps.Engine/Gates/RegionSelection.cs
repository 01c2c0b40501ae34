namespace WAOps.Engine.Gates;

/// <summary>
/// Which regions each account is listed in: the ones named (each must exist and be enabled there, unless already
/// checked), all its enabled regions, or (neither) the session's region.
/// </summary>
public sealed record RegionSelection(IReadOnlyList<string>? Regions, bool AllEnabled, bool Validated = false);
