using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.Budgets.Model;

// Requests and responses of the notification and subscriber operations, named as in AWSSDK.Budgets.
// Member names checked against botocore's budgets 2016-10-20 model.

public sealed class DescribeNotificationsForBudgetRequest
{
    public string? AccountId { get; set; }

    public string? BudgetName { get; set; }

    /// <summary>1 to 100.</summary>
    public int? MaxResults { get; set; }

    public string? NextToken { get; set; }
}

public sealed class DescribeNotificationsForBudgetResponse : AwsResponse
{
    public List<Notification> Notifications { get; set; } = new();

    public string? NextToken { get; set; }
}

public sealed class CreateNotificationRequest
{
    public string? AccountId { get; set; }

    public string? BudgetName { get; set; }

    public Notification? Notification { get; set; }

    /// <summary>1 to 11: at most one SNS topic and ten e-mail addresses.</summary>
    public List<Subscriber>? Subscribers { get; set; }
}

public sealed class CreateNotificationResponse : AwsResponse
{
}

public sealed class DeleteNotificationRequest
{
    public string? AccountId { get; set; }

    public string? BudgetName { get; set; }

    public Notification? Notification { get; set; }
}

public sealed class DeleteNotificationResponse : AwsResponse
{
}

public sealed class DescribeSubscribersForNotificationRequest
{
    public string? AccountId { get; set; }

    public string? BudgetName { get; set; }

    public Notification? Notification { get; set; }

    /// <summary>1 to 100.</summary>
    public int? MaxResults { get; set; }

    public string? NextToken { get; set; }
}

public sealed class DescribeSubscribersForNotificationResponse : AwsResponse
{
    public List<Subscriber> Subscribers { get; set; } = new();

    public string? NextToken { get; set; }
}

public sealed class CreateSubscriberRequest
{
    public string? AccountId { get; set; }

    public string? BudgetName { get; set; }

    public Notification? Notification { get; set; }

    public Subscriber? Subscriber { get; set; }
}

public sealed class CreateSubscriberResponse : AwsResponse
{
}

public sealed class DeleteSubscriberRequest
{
    public string? AccountId { get; set; }

    public string? BudgetName { get; set; }

    public Notification? Notification { get; set; }

    public Subscriber? Subscriber { get; set; }
}

public sealed class DeleteSubscriberResponse : AwsResponse
{
}
