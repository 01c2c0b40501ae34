using System.Text.Json;
using System.Text.Json.Nodes;
using WAOps.Engine.Errors;
using WAOps.Engine.Text;

namespace WAOps.Engine.Budgets;

/// <summary>
/// Reads an SNS topic's access policy to tell whether AWS Budgets (the service principal budgets.amazonaws.com)
/// may publish to the topic for a given budget, and adds the statement AWS documents when it may not.
/// The evaluation follows IAM's rules for what it understands: Allow needs a statement whose principal, action
/// (sns:Publish), resource (the topic) and conditions all match, and any matching Deny wins. The request
/// context is the one AWS Budgets sends: aws:SourceAccount is the budget's account and aws:SourceArn the
/// budget's ARN. A statement with a condition WAOps cannot evaluate does not count as an Allow (and is named
/// in the notes), so WAOps never claims alerts will arrive when it cannot tell.
/// </summary>
public static class BudgetsTopicPolicy
{
    public const string ServicePrincipal = "budgets.amazonaws.com";
    public const string StatementId = "WAOpsAllowBudgetsPublish";
    private const string PublishAction = "sns:Publish";

    public static TopicPolicyVerdict Evaluate(string? policyJson, string topicArn, string accountId, string budgetArn)
    {
        var notes = new List<string>();
        var context = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["aws:SourceAccount"] = accountId,
            ["aws:SourceArn"] = budgetArn,
        };
        string? allowedBy = null;
        var allowed = false;
        foreach (var statement in Statements(Parse(policyJson, topicArn)))
        {
            var effect = Text(statement["Effect"]);
            var sid = Text(statement["Sid"]);
            var label = sid is null ? "a statement without Sid" : $"statement '{sid}'";
            if (!PrincipalMatches(statement) || !Matches(statement, "Action", "NotAction", PublishAction, ignoreCase: true)
                || !Matches(statement, "Resource", "NotResource", topicArn, ignoreCase: false))
            {
                continue;
            }

            var conditions = EvaluateConditions(statement["Condition"] as JsonObject, context);
            if (conditions is null)
            {
                notes.Add($"The topic policy's {label} has a condition WAOps cannot evaluate for AWS Budgets; it was not counted.");
                continue;
            }

            if (!conditions.Value)
            {
                continue;
            }

            if (string.Equals(effect, "Deny", StringComparison.Ordinal))
            {
                return new TopicPolicyVerdict(TopicPolicyDecision.Denied, sid, notes);
            }

            if (string.Equals(effect, "Allow", StringComparison.Ordinal) && !allowed)
            {
                allowed = true;
                allowedBy = sid;
            }
        }

        return new TopicPolicyVerdict(allowed ? TopicPolicyDecision.Allowed : TopicPolicyDecision.NotGranted, allowedBy, notes);
    }

    /// <summary>
    /// The policy with the statement AWS documents for budget alerts added (or, if a statement with its Sid is
    /// there already, replaced): budgets.amazonaws.com may SNS:Publish to the topic when aws:SourceAccount is the
    /// account and aws:SourceArn is one of its budgets. Every other statement is kept as it is.
    /// </summary>
    public static string AddBudgetsStatement(string? policyJson, string topicArn, string accountId)
    {
        var partition = SnsTopicArn.TryParse(topicArn, out var arn) ? arn!.Partition : "aws";
        var document = Parse(policyJson, topicArn) ?? new JsonObject { ["Version"] = "2012-10-17" };
        var statements = document["Statement"] switch
        {
            JsonArray array => array,
            JsonObject single => new JsonArray(single.DeepClone()),
            _ => new JsonArray(),
        };
        for (var i = statements.Count - 1; i >= 0; i--)
        {
            if (statements[i] is JsonObject existing && string.Equals(Text(existing["Sid"]), StatementId, StringComparison.Ordinal))
            {
                statements.RemoveAt(i);
            }
        }

        statements.Add(new JsonObject
        {
            ["Sid"] = StatementId,
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = ServicePrincipal },
            ["Action"] = "SNS:Publish",
            ["Resource"] = topicArn,
            ["Condition"] = new JsonObject
            {
                ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = accountId },
                ["ArnLike"] = new JsonObject { ["aws:SourceArn"] = BudgetArn.AnyIn(partition, accountId) },
            },
        });
        document["Statement"] = statements;
        return document.ToJsonString();
    }

    private static JsonObject? Parse(string? policyJson, string topicArn)
    {
        if (string.IsNullOrWhiteSpace(policyJson))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(policyJson) as JsonObject
                ?? throw new JsonException("The policy is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new WAOpsException(BudgetErrorIds.InvalidTopicPolicy, ErrorKind.InvalidData,
                $"The access policy of topic {topicArn} is not a readable policy document: {ex.Message}", topicArn, ex);
        }
    }

    private static IEnumerable<JsonObject> Statements(JsonObject? document) => document?["Statement"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject single => new[] { single },
        _ => Enumerable.Empty<JsonObject>(),
    };

    private static bool PrincipalMatches(JsonObject statement)
    {
        if (statement["NotPrincipal"] is { } notPrincipal)
        {
            // NotPrincipal (Deny only, in practice): applies to everyone it does not name.
            return !NamesBudgets(notPrincipal);
        }

        return statement["Principal"] is { } principal && NamesBudgets(principal);
    }

    private static bool NamesBudgets(JsonNode principal) => principal switch
    {
        JsonValue value => value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == "*",
        JsonObject map => map.Any(entry =>
            (entry.Key.Equals("Service", StringComparison.OrdinalIgnoreCase) && Strings(entry.Value).Any(s => s.Equals(ServicePrincipal, StringComparison.OrdinalIgnoreCase)))
            || (entry.Key.Equals("AWS", StringComparison.OrdinalIgnoreCase) && Strings(entry.Value).Contains("*"))),
        _ => false,
    };

    private static bool Matches(JsonObject statement, string name, string notName, string value, bool ignoreCase)
    {
        if (statement[name] is { } listed)
        {
            return Strings(listed).Any(pattern => new WildcardPattern(EscapeBrackets(pattern), ignoreCase).IsMatch(value));
        }

        if (statement[notName] is { } excluded)
        {
            return !Strings(excluded).Any(pattern => new WildcardPattern(EscapeBrackets(pattern), ignoreCase).IsMatch(value));
        }

        // A resource policy's statement without Resource applies to the resource it is attached to.
        return name == "Resource";
    }

    /// <summary>True or false when every condition could be evaluated; null when one could not.</summary>
    private static bool? EvaluateConditions(JsonObject? conditions, IReadOnlyDictionary<string, string> context)
    {
        if (conditions is null)
        {
            return true;
        }

        var result = true;
        foreach (var (operatorName, block) in conditions)
        {
            if (block is not JsonObject keys)
            {
                return null;
            }

            var op = operatorName.EndsWith("IfExists", StringComparison.Ordinal) ? operatorName[..^"IfExists".Length] : operatorName;
            foreach (var (key, values) in keys)
            {
                if (!context.TryGetValue(key, out var actual))
                {
                    return null;
                }

                var candidates = Strings(values).ToArray();
                bool? matches = op switch
                {
                    "StringEquals" or "ArnEquals" => candidates.Contains(actual, StringComparer.Ordinal),
                    "StringEqualsIgnoreCase" => candidates.Contains(actual, StringComparer.OrdinalIgnoreCase),
                    "StringLike" or "ArnLike" => candidates.Any(c => new WildcardPattern(EscapeBrackets(c)).IsMatch(actual)),
                    "StringNotEquals" or "ArnNotEquals" => !candidates.Contains(actual, StringComparer.Ordinal),
                    "StringNotEqualsIgnoreCase" => !candidates.Contains(actual, StringComparer.OrdinalIgnoreCase),
                    "StringNotLike" or "ArnNotLike" => !candidates.Any(c => new WildcardPattern(EscapeBrackets(c)).IsMatch(actual)),
                    _ => null,
                };
                if (matches is null)
                {
                    return null;
                }

                result &= matches.Value;
            }
        }

        return result;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value ? value.ToString() : null;

    // IAM's wildcards (in Action, Resource and the *Like operators) are only * and ?; brackets are literal.
    private static string EscapeBrackets(string pattern) =>
        pattern.Replace("`", "``", StringComparison.Ordinal).Replace("[", "`[", StringComparison.Ordinal);

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(item => item?.ToString() ?? string.Empty),
        JsonValue value => new[] { value.ToString() },
        _ => Enumerable.Empty<string>(),
    };
}
