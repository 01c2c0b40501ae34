namespace WAOps.Engine.Gates;

/// <summary>The outcome of one rule for one resource.</summary>
public enum GateStatus
{
    /// <summary>The resource meets the rule.</summary>
    Pass,

    /// <summary>The resource breaks the rule; the reason says how, with the values observed.</summary>
    Fail,

    /// <summary>A value the rule needs is not known (a template value that cannot be resolved); never taken as a pass.</summary>
    Unknown,

    /// <summary>The rule could not judge: a value or listing could not be read (access denied, ...), or the rule itself failed.</summary>
    Error,

    /// <summary>The rule does not apply to this resource (not production, judged on its cluster, TCP listener, ...).</summary>
    NotApplicable,

    /// <summary>The resource fails (or is unknown) but a waiver that has not expired covers it.</summary>
    Waived,
}
