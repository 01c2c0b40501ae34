namespace WAOps.Engine.Planning;

/// <summary>What carrying out a plan did: the result of each change that got one, and how many were only shown (-WhatIf).</summary>
public sealed record PlanExecution<TOperation>(IReadOnlyList<ExecutedChange<TOperation>> Results, int Shown)
    where TOperation : class
{
    /// <summary>-WhatIf: at least one write was shown and not made.</summary>
    public bool WhatIf => Shown > 0;

    /// <summary>The operations that were carried out.</summary>
    public IEnumerable<TOperation> Applied =>
        Results.Where(r => r.Change.IsWrite && r.AsPlanned && r.Change.Operation is not null).Select(r => r.Change.Operation!);
}
