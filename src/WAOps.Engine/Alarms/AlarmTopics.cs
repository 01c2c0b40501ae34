using WAOps.Engine.Budgets;
using WAOps.Engine.Dashboards;
using WAOps.Engine.Errors;

namespace WAOps.Engine.Alarms;

/// <summary>
/// -AlarmTopicArn: SNS topics that alarms notify (on ALARM and on OK). An alarm can only notify a topic of its own
/// region, so topics are grouped by region; a region takes at most 5 (CloudWatch's limit of actions per state).
/// </summary>
public static class AlarmTopics
{
    public const int MaxActionsPerState = 5;

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(IEnumerable<string>? arns)
    {
        var byRegion = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var text in (arns ?? Array.Empty<string>()).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()))
        {
            if (!SnsTopicArn.TryParse(text, out var topic))
            {
                throw new WAOpsException(DashboardErrorIds.InvalidSnsTopicArn, ErrorKind.InvalidArgument,
                    $"'{text}' is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>). Nothing was written.", text)
                { RecommendedAction = "Give -AlarmTopicArn as the topic's ARN, for example arn:aws:sns:eu-west-1:111122223333:alerts." };
            }

            var list = byRegion.TryGetValue(topic!.Region, out var existing) ? existing : byRegion[topic.Region] = new List<string>();
            if (!list.Contains(topic.Arn, StringComparer.Ordinal))
            {
                list.Add(topic.Arn);
            }
        }

        foreach (var (region, topics) in byRegion)
        {
            if (topics.Count > MaxActionsPerState)
            {
                throw new WAOpsException(DashboardErrorIds.TooManyAlarmActions, ErrorKind.LimitsExceeded,
                    $"-AlarmTopicArn names {topics.Count} topics in {region}; an alarm takes at most {MaxActionsPerState} actions per state. Nothing was written.", region)
                { RecommendedAction = "Subscribe the extra endpoints to one topic instead." };
            }
        }

        return byRegion.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.OrderBy(a => a, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }
}
