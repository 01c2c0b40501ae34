namespace WAOps.Aws.Services.Budgets.Model;

// Budget notifications and their subscribers, named as in AWSSDK.Budgets.

public sealed class Notification
{
    /// <summary>ACTUAL or FORECASTED.</summary>
    public string? NotificationType { get; set; }

    /// <summary>GREATER_THAN, LESS_THAN or EQUAL_TO.</summary>
    public string? ComparisonOperator { get; set; }

    public double Threshold { get; set; }

    /// <summary>PERCENTAGE or ABSOLUTE_VALUE.</summary>
    public string? ThresholdType { get; set; }

    /// <summary>OK or ALARM (read only).</summary>
    public string? NotificationState { get; set; }
}

public sealed class Subscriber
{
    /// <summary>EMAIL or SNS.</summary>
    public string? SubscriptionType { get; set; }

    public string? Address { get; set; }
}

public sealed class NotificationWithSubscribers
{
    public Notification? Notification { get; set; }

    public List<Subscriber>? Subscribers { get; set; }
}
