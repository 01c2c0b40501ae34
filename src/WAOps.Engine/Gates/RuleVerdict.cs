using WAOps.Engine.Inventory;

namespace WAOps.Engine.Gates;

/// <summary>
/// What a rule says about one resource (or one part of it, such as one policy statement): the status, the reason
/// with the values observed, what part it is about (Detail), and where a template declares it.
/// </summary>
public sealed record RuleVerdict(GateStatus Status, string Reason, string? Detail = null, SourceLocation? Location = null)
{
    public static RuleVerdict Pass(string reason, string? detail = null) => new(GateStatus.Pass, reason, detail);

    public static RuleVerdict Fail(string reason, string? detail = null, SourceLocation? location = null) => new(GateStatus.Fail, reason, detail, location);

    public static RuleVerdict NotApplicable(string reason) => new(GateStatus.NotApplicable, reason);

    public static RuleVerdict Error(string reason, string? detail = null) => new(GateStatus.Error, reason, detail);

    /// <summary>Unknown for a value that cannot be resolved, Error for one that could not be read.</summary>
    public static RuleVerdict NotKnown<T>(Fact<T> fact, string what, string? detail = null) =>
        fact.IsReadFailure
            ? new(GateStatus.Error, $"{what} could not be read: {fact.Reason}", detail, fact.Location)
            : new(GateStatus.Unknown, $"{what}: value not known ({fact.Reason})", detail, fact.Location);
}
