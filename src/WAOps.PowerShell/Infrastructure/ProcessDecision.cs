namespace WAOps.PowerShell.Infrastructure;

/// <summary>The answer to ShouldProcess for one change.</summary>
public enum ProcessDecision
{
    Proceed,

    /// <summary>-WhatIf: the change was shown, not made.</summary>
    WhatIf,

    /// <summary>The user said no at a -Confirm prompt.</summary>
    Declined,
}
