namespace WAOps.Engine.Gates.Support;

/// <summary>
/// The ELB security policies that allow TLS 1.2 and newer only: ELBSecurityPolicy-TLS13-1-2-* and -TLS13-1-3-*
/// (TLS 1.3 policies, FIPS and post-quantum variants included), ELBSecurityPolicy-TLS-1-2-* and the forward-secrecy
/// ELBSecurityPolicy-FS-1-2-*. The older defaults (ELBSecurityPolicy-2016-08, -FS-2018-06, -TLS13-1-0/1-1-*,
/// -TLS-1-1-*) still accept TLS 1.0 or 1.1.
/// </summary>
public static class TlsPolicies
{
    private static readonly string[] ModernPrefixes =
    {
        "ELBSecurityPolicy-TLS13-1-2-",
        "ELBSecurityPolicy-TLS13-1-3-",
        "ELBSecurityPolicy-TLS-1-2-",
        "ELBSecurityPolicy-FS-1-2-",
    };

    public static bool IsTls12OrNewer(string? policy) =>
        policy is not null && ModernPrefixes.Any(p => policy.StartsWith(p, StringComparison.Ordinal));
}
