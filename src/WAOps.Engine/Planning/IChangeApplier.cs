namespace WAOps.Engine.Planning;

/// <summary>Carries out one planned change of a family of operations (the AWS calls it needs).</summary>
public interface IChangeApplier<TOperation>
    where TOperation : class
{
    /// <summary>
    /// Makes the change. Returns how it ended (its success outcome, or Skipped with the reason when the target changed
    /// since the plan); throws a WAOpsException when it failed.
    /// </summary>
    Task<ApplyResult> ApplyAsync(PlannedChange<TOperation> change, CancellationToken cancellationToken);
}

/// <summary>Carries out many approved changes together (a batch API such as TagResources), each with its own outcome.</summary>
public interface IBatchChangeApplier<TOperation>
    where TOperation : class
{
    /// <summary>One result per change, in the order given; a failed change has an error, the others go on.</summary>
    Task<IReadOnlyList<ApplyResult>> ApplyAsync(IReadOnlyList<PlannedChange<TOperation>> changes, CancellationToken cancellationToken);
}
