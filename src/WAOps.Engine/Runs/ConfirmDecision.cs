namespace WAOps.Engine.Runs;

/// <summary>The answer to "make this change?" for one planned change.</summary>
public enum ConfirmDecision
{
    Proceed = 1,

    /// <summary>-WhatIf: the change was shown, not made.</summary>
    WhatIf,

    /// <summary>The user said no at a -Confirm prompt.</summary>
    Declined,
}
