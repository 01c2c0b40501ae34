using System.Globalization;
using System.Text.RegularExpressions;
using WAOps.Engine.Errors;

namespace WAOps.Engine.Budgets;

/// <summary>
/// Checks a <see cref="BudgetRequest"/> against AWS Budgets' rules and limits before anything is written, and
/// turns it into a <see cref="BudgetSpec"/>. The first problem found is thrown as a <see cref="WAOpsException"/>
/// with one of the <see cref="BudgetErrorIds"/>.
/// </summary>
public static partial class BudgetValidator
{
    public const string AccountBudgetName = "Account-Total";

    public static BudgetSpec Validate(BudgetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var costFilters = ValidateScope(request);
        var name = ValidateName(request.Name ?? DefaultName(request));
        var amount = ParseAmount(request.Amount, name);
        var currency = ValidateCurrency(request.Currency);
        var keys = ValidateThresholds(request, name);
        var subscribers = ValidateSubscribers(request, name);
        var notifications = keys.Select(key => new BudgetNotification(key, subscribers)).ToArray();
        return new BudgetSpec(name, amount, currency, request.TimeUnit, costFilters, notifications);
    }

    /// <summary>Checks a budget name: 1-100 characters, no ':' or '\', no "/action/" (botocore's BudgetName pattern).</summary>
    public static string ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > BudgetLimits.MaxNameLength || !NamePattern().IsMatch(name))
        {
            throw Invalid(BudgetErrorIds.InvalidBudgetName,
                $"'{name}' cannot be a budget name: it must be 1 to {BudgetLimits.MaxNameLength} characters without ':' or '\\' and must not contain \"/action/\".",
                name, "Give a valid -Name.");
        }

        return name;
    }

    /// <summary>Parses an amount such as "500" or "99.50" (invariant culture: a dot for decimals); it must be above zero.</summary>
    public static decimal ParseAmount(string? text, string budgetName)
    {
        const NumberStyles Styles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (string.IsNullOrWhiteSpace(text) || !decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out var amount))
        {
            throw Invalid(BudgetErrorIds.InvalidBudgetAmount,
                $"The amount '{text}' of budget '{budgetName}' is not a number. Write it like 500 or 99.50 (a dot for decimals, no currency sign or thousands separator).",
                text, "Give -Amount as a number above zero.");
        }

        if (amount <= 0)
        {
            throw Invalid(BudgetErrorIds.InvalidBudgetAmount,
                $"The amount of budget '{budgetName}' must be above zero; it is {amount.ToString(CultureInfo.InvariantCulture)}.",
                text, "Give -Amount as a number above zero.");
        }

        return amount;
    }

    /// <summary>Checks an e-mail address: one '@', no spaces or separators, a domain with a dot.</summary>
    public static bool IsEmailAddress(string address) => address.Length <= 254 && EmailPattern().IsMatch(address);

    private static string DefaultName(BudgetRequest request)
    {
        if (request.Project is not null)
        {
            return "Project-" + request.Project;
        }

        if (request.CostFilter is not null)
        {
            throw Invalid(BudgetErrorIds.InvalidBudgetName, "A budget with -CostFilter needs a -Name.", null, "Give -Name.");
        }

        return AccountBudgetName;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> ValidateScope(BudgetRequest request)
    {
        if (request.Project is not null && request.CostFilter is not null)
        {
            throw Invalid(BudgetErrorIds.InvalidCostFilter, "Give -Project or -CostFilter, not both.", request.Project, "Put the Project tag filter into -CostFilter, or drop -CostFilter.");
        }

        if (request.Project is { } project)
        {
            if (project.Length == 0 || project.Length > BudgetLimits.MaxTagValueLength || !TagValuePattern().IsMatch(project) || string.IsNullOrWhiteSpace(project))
            {
                throw Invalid(BudgetErrorIds.InvalidProject,
                    $"'{project}' cannot be a Project tag value: it must be 1 to {BudgetLimits.MaxTagValueLength} letters, digits, spaces or the characters _ . : / = + - @.",
                    project, "Give the Project tag value exactly as it is on the resources.");
            }

            return BudgetCostFilters.ForProject(project);
        }

        if (request.CostFilter is { } filters)
        {
            foreach (var (filterName, values) in filters)
            {
                if (string.IsNullOrWhiteSpace(filterName) || values is null || values.Count == 0 || values.Any(string.IsNullOrWhiteSpace))
                {
                    throw Invalid(BudgetErrorIds.InvalidCostFilter,
                        $"The cost filter '{filterName}' needs a name and at least one non-empty value, for example @{{ Region = 'us-east-1' }} or @{{ TagKeyValue = 'user:Team$payments' }}.",
                        filterName, "Fix -CostFilter.");
                }
            }

            return BudgetCostFilters.Normalize(filters);
        }

        return BudgetCostFilters.None;
    }

    private static string ValidateCurrency(string? currency)
    {
        var code = currency?.Trim().ToUpperInvariant();
        if (code is null || !CurrencyPattern().IsMatch(code))
        {
            throw Invalid(BudgetErrorIds.InvalidCurrency, $"'{currency}' is not a currency code such as USD.", currency, "Give -Currency as a three-letter code (cost budgets use the account's billing currency, usually USD).");
        }

        return code;
    }

    private static IReadOnlyList<BudgetNotificationKey> ValidateThresholds(BudgetRequest request, string budgetName)
    {
        var keys = new List<BudgetNotificationKey>();
        void Add(BudgetNotificationType type, IEnumerable<double>? thresholds)
        {
            foreach (var threshold in thresholds ?? Enumerable.Empty<double>())
            {
                if (double.IsNaN(threshold) || threshold <= 0 || threshold > BudgetLimits.MaxThreshold)
                {
                    throw Invalid(BudgetErrorIds.InvalidThreshold,
                        $"The {type.ToString().ToLowerInvariant()} threshold {threshold.ToString(CultureInfo.InvariantCulture)} of budget '{budgetName}' is out of range: thresholds are percentages of the budgeted amount, above 0 and at most 1,000,000.",
                        threshold, "Give thresholds such as 50,80,100.");
                }

                var key = BudgetNotificationKey.Percent(type, threshold);
                if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
            }
        }

        Add(BudgetNotificationType.Forecasted, request.ForecastThresholds);
        Add(BudgetNotificationType.Actual, request.ActualThresholds);
        if (keys.Count == 0)
        {
            throw Invalid(BudgetErrorIds.NoThreshold, $"Budget '{budgetName}' would have no alert: give -ForecastThreshold or -ActualThreshold.", budgetName, "Keep the defaults (50,80,100 forecasted and 100 actual) or give thresholds.");
        }

        if (keys.Count > BudgetLimits.MaxNotifications)
        {
            throw new WAOpsException(BudgetErrorIds.TooManyNotifications, ErrorKind.LimitsExceeded,
                $"Budget '{budgetName}' would have {keys.Count} notifications; AWS Budgets allows at most {BudgetLimits.MaxNotifications} per budget.",
                budgetName)
            { RecommendedAction = "Give fewer thresholds." };
        }

        return keys;
    }

    private static IReadOnlyList<BudgetSubscriber> ValidateSubscribers(BudgetRequest request, string budgetName)
    {
        var subscribers = new List<BudgetSubscriber>();
        foreach (var address in (request.Emails ?? Array.Empty<string>()).Where(e => e is not null).SelectMany(e => e.Split(new[] { ';', ',' })).Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (!IsEmailAddress(address))
            {
                throw Invalid(BudgetErrorIds.InvalidEmailAddress, $"'{address}' is not an e-mail address.", address, "Give -Email as addresses like ops@example.com.");
            }

            var subscriber = BudgetSubscriber.Email(address);
            if (!subscribers.Contains(subscriber))
            {
                subscribers.Add(subscriber);
            }
        }

        var emails = subscribers.Count;
        foreach (var text in (request.SnsTopicArns ?? Array.Empty<string>()).Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            if (!SnsTopicArn.TryParse(text.Trim(), out var arn))
            {
                throw Invalid(BudgetErrorIds.InvalidSnsTopicArn, $"'{text}' is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>).", text, "Give -SnsTopicArn as the topic's ARN.");
            }

            var subscriber = BudgetSubscriber.Sns(arn!.Arn);
            if (!subscribers.Contains(subscriber))
            {
                subscribers.Add(subscriber);
            }
        }

        var topics = subscribers.Count - emails;
        if (emails > BudgetLimits.MaxEmailSubscribers || topics > BudgetLimits.MaxSnsSubscribers)
        {
            throw new WAOpsException(BudgetErrorIds.TooManySubscribers, ErrorKind.LimitsExceeded,
                $"Budget '{budgetName}' would send each alert to {emails} e-mail address(es) and {topics} SNS topic(s); AWS Budgets allows at most {BudgetLimits.MaxEmailSubscribers} e-mail addresses and {BudgetLimits.MaxSnsSubscribers} SNS topic per notification.",
                budgetName)
            { RecommendedAction = "Send to an SNS topic and subscribe the rest of the addresses to it." };
        }

        if (subscribers.Count == 0)
        {
            throw Invalid(BudgetErrorIds.NoSubscriber, $"Budget '{budgetName}' would alert nobody: give -Email, -SnsTopicArn or both.", budgetName, "Give -Email or -SnsTopicArn.");
        }

        return subscribers;
    }

    private static WAOpsException Invalid(string errorId, string message, object? target, string recommendedAction) =>
        new(errorId, ErrorKind.InvalidArgument, message, target) { RecommendedAction = recommendedAction };

    // botocore's BudgetName pattern, verbatim.
    [GeneratedRegex(@"^(?![^:\\]*/action/|(?i).*<script>.*</script>.*)[^:\\]+$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[^\s@"",;<>()\[\]\\]{1,64}@([^\s@"",;<>()\[\]\\.]+\.)+[^\s@"",;<>()\[\]\\.]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // AWS tag values: Unicode letters, digits, white space and _ . : / = + - @.
    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TagValuePattern();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();
}
