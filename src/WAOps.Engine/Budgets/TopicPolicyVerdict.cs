namespace WAOps.Engine.Budgets;

/// <summary>What a topic's access policy means for AWS Budgets publishing to it.</summary>
public enum TopicPolicyDecision
{
    /// <summary>A statement lets budgets.amazonaws.com publish and none denies it.</summary>
    Allowed,

    /// <summary>No statement grants it: budget alerts to the topic would be dropped silently.</summary>
    NotGranted,

    /// <summary>A Deny statement applies to budgets.amazonaws.com publishing; adding an Allow would not help.</summary>
    Denied,
}

/// <summary>The decision, the statement that decided it (its Sid, if any), and what WAOps could not evaluate.</summary>
public sealed record TopicPolicyVerdict(TopicPolicyDecision Decision, string? StatementId, IReadOnlyList<string> Notes);
