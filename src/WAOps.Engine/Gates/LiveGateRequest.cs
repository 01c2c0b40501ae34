namespace WAOps.Engine.Gates;

/// <summary>Which accounts and regions a user asked Test-WAQualityGate to judge live.</summary>
public sealed record LiveGateRequest
{
    public IReadOnlyList<string>? Regions { get; init; }

    public bool AllRegions { get; init; }

    public IReadOnlyList<string>? AccountIds { get; init; }

    public bool AllAccounts { get; init; }

    public string? RoleName { get; init; }

    public int ThrottleLimit { get; init; } = 8;

    public int AccountThrottleLimit { get; init; } = 4;
}
