namespace WAOps.Engine.Cleanup;

/// <summary>
/// How far a run may go (-Action). Each level includes the one before it: Report writes nothing; Stop only does
/// what can be undone (stop EC2 instances, snapshot-then-stop RDS); Terminate also terminates EC2 instances and
/// snapshot-then-deletes RDS instances; Delete also deletes storage and network resources (EBS volumes after a
/// snapshot, old snapshots, Elastic IPs, NAT gateways, load balancers).
/// </summary>
public enum CleanupLevel
{
    Report,
    Stop,
    Terminate,
    Delete,
}

/// <summary>What is done to one resource.</summary>
public enum IdleAction
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>Tag it waops:cleanup-after=&lt;date&gt; (the grace period starts).</summary>
    Mark,

    /// <summary>Remove waops:cleanup-after: it is in use again.</summary>
    Unmark,

    /// <summary>Stop an EC2 instance.</summary>
    Stop,

    /// <summary>Terminate an EC2 instance (after snapshotting the EBS volumes that go with it).</summary>
    Terminate,

    /// <summary>Snapshot, wait until the snapshot is complete, then delete (EBS volume, RDS instance).</summary>
    SnapshotThenDelete,

    /// <summary>Snapshot, wait until the snapshot is complete, then stop (RDS instance).</summary>
    SnapshotThenStop,

    /// <summary>Delete (EBS snapshot, NAT gateway, load balancer).</summary>
    Delete,

    /// <summary>Release an Elastic IP (disassociating it first from a stopped instance).</summary>
    Release,
}

/// <summary>How handling one resource ended.</summary>
public enum CleanupOutcome
{
    /// <summary>Report-only run: nothing was done; Action says what an acting run would do.</summary>
    Reported,
    Marked,
    Unmarked,
    Stopped,
    Terminated,
    Deleted,
    Released,

    /// <summary>Not acted on; Reason says why (protected, grace period, -MaxActions, declined, changed since read, ...).</summary>
    Skipped,

    /// <summary>The action failed; Error and ErrorId say why. The other resources went on.</summary>
    Failed,
}

/// <summary>What a criterion concluded about one resource.</summary>
public enum IdleStatus
{
    /// <summary>The criterion does not apply (a running instance for the stopped-instance criterion, an Aurora member, ...).</summary>
    NotApplicable,

    /// <summary>The evidence shows the resource in use.</summary>
    Active,

    /// <summary>Not enough data to say (metrics missing, stop time unknown, ...): never acted on.</summary>
    InsufficientData,

    /// <summary>The evidence meets the criterion.</summary>
    Idle,
}

/// <summary>The idle criteria, one class each under Criteria/.</summary>
public static class IdleCriterionNames
{
    public const string LowUtilizationInstance = nameof(LowUtilizationInstance);
    public const string StoppedInstance = nameof(StoppedInstance);
    public const string UnattachedVolume = nameof(UnattachedVolume);
    public const string UnassociatedElasticIp = nameof(UnassociatedElasticIp);
    public const string IdleNatGateway = nameof(IdleNatGateway);
    public const string IdleLoadBalancer = nameof(IdleLoadBalancer);
    public const string IdleDatabase = nameof(IdleDatabase);
    public const string OrphanedSnapshot = nameof(OrphanedSnapshot);

    public static IReadOnlyList<string> All { get; } = new[]
    {
        LowUtilizationInstance, StoppedInstance, UnattachedVolume, UnassociatedElasticIp, IdleNatGateway, IdleLoadBalancer, IdleDatabase, OrphanedSnapshot,
    };
}
