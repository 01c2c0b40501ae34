using WAOps.Engine.Alarms;
using WAOps.Engine.Errors;
using WAOps.Engine.Monitoring;
using WAOps.Engine.Tags;

namespace WAOps.Engine.Dashboards;

/// <summary>How New-WADashboard finds a workload: by tags, by CloudFormation stack, or by the ARNs given.</summary>
public enum DashboardScope
{
    Tags = 1,
    Stack,
    Arns,
}

/// <summary>A dashboard run's input, checked: every value is valid and the combination makes sense; nothing was read or written yet.</summary>
public sealed class DashboardOptions
{
    private DashboardOptions(DashboardInput input, DashboardScope scope, IReadOnlyList<TagFilterSpec> tagFilters, string name, string prefix,
        IReadOnlyDictionary<string, double> thresholds, IReadOnlyDictionary<string, IReadOnlyList<string>> topics, IReadOnlyList<KeyValuePair<string, string>> alarmTags,
        IReadOnlyList<string> warnings)
    {
        Input = input;
        Scope = scope;
        TagFilters = tagFilters;
        DashboardName = name;
        AlarmPrefix = prefix;
        Thresholds = thresholds;
        Topics = topics;
        AlarmTags = alarmTags;
        Warnings = warnings;
        Description = scope switch
        {
            DashboardScope.Tags => "tags " + Tags.TagFilters.Describe(tagFilters),
            DashboardScope.Stack => $"CloudFormation stack {input.StackName}",
            _ => $"{input.Resources.Count} ARN(s) given",
        };
    }

    public DashboardInput Input { get; }

    public DashboardScope Scope { get; }

    public IReadOnlyList<TagFilterSpec> TagFilters { get; }

    public string DashboardName { get; }

    public string AlarmPrefix { get; }

    public IReadOnlyDictionary<string, double> Thresholds { get; }

    /// <summary>-AlarmTopicArn by region (an alarm can only notify a topic of its own region).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Topics { get; }

    public IReadOnlyList<KeyValuePair<string, string>> AlarmTags { get; }

    /// <summary>What the user should know about the input before the run starts.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>How the workload was found, for messages: "tags Project=shop, Environment=prod".</summary>
    public string Description { get; }

    /// <summary>Checks everything given, before anything is read or written.</summary>
    public static DashboardOptions Validate(DashboardInput input)
    {
        var byTags = input.Project is not null || input.Environment is not null || input.TagFilter is not null;
        DashboardScope scope;
        if (input.Resources.Count > 0)
        {
            if (byTags || input.StackName is not null)
            {
                throw new WAOpsException(ParameterErrorIds.ConflictingParameters, ErrorKind.InvalidArgument,
                    "Resources are given by ARN, so -Project, -Environment, -TagFilter and -StackName (which find resources themselves) cannot be used with them. "
                    + "Name the dashboard with -DashboardName. Nothing was written.", input.Resources[0].Arn);
            }

            scope = DashboardScope.Arns;
        }
        else if (input.StackName is not null)
        {
            if (byTags)
            {
                throw new WAOpsException(ParameterErrorIds.ConflictingParameters, ErrorKind.InvalidArgument,
                    "Give -StackName or tags (-Project, -Environment, -TagFilter), not both: each finds the workload's resources on its own. Nothing was written.", input.StackName);
            }

            scope = DashboardScope.Stack;
        }
        else if (byTags)
        {
            scope = DashboardScope.Tags;
        }
        else
        {
            throw new WAOpsException(DashboardErrorIds.NoDiscoveryParameter, ErrorKind.InvalidArgument,
                "Say which resources to monitor: -Project and/or -Environment (tag values), -TagFilter, -StackName, or resource ARNs piped in (for example from Get-WATagCompliance -IncludeCompliant).",
                null)
            { RecommendedAction = "New-WADashboard -Project shop -Environment prod" };
        }

        var tagFilters = scope == DashboardScope.Tags
            ? Tags.TagFilters.Build(One(input.Project), One(input.Environment), input.TagFilter)
            : Array.Empty<TagFilterSpec>();
        var name = NameFor(input, scope);
        var prefix = AlarmNaming.ValidatePrefix(input.AlarmPrefix);
        var thresholds = AlarmThresholds.Parse(input.AlarmThresholds);
        var topics = AlarmTopics.Parse(input.AlarmTopicArns);
        var alarmTags = AlarmTagSet.Build(name, input.Project, input.Environment, input.AlarmTags);
        var warnings = new List<string>();
        if (!input.IncludeAlarms && (input.AlarmThresholds is not null || input.AlarmTags is not null || input.AlarmTopicArns is not null || input.AlarmWriteRateGiven))
        {
            warnings.Add("-AlarmThreshold, -AlarmTag, -AlarmTopicArn and -AlarmWriteRate apply to alarms, which New-WADashboard changes only with -IncludeAlarms; this run only reads them.");
        }

        if (input.OutFile is { } outFile)
        {
            var folder = Path.GetDirectoryName(outFile);
            if (Directory.Exists(outFile) || (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder)))
            {
                throw new WAOpsException(DashboardErrorIds.InvalidOutFile, ErrorKind.InvalidArgument,
                    $"-OutFile '{outFile}' cannot be written: {(Directory.Exists(outFile) ? "it is a folder" : $"the folder {folder} does not exist")}. Nothing was written.", outFile);
            }
        }

        return new DashboardOptions(input, scope, tagFilters, name, prefix, thresholds, topics, alarmTags, warnings);
    }

    private static string NameFor(DashboardInput input, DashboardScope scope)
    {
        if (input.DashboardName is not null)
        {
            return DashboardNames.Validate(input.DashboardName);
        }

        var derived = scope switch
        {
            DashboardScope.Stack => DashboardNames.FromParts(input.StackName),
            DashboardScope.Tags when input.Project is not null || input.Environment is not null => DashboardNames.FromParts(input.Project, input.Environment),
            _ => string.Empty,
        };
        if (derived.Length == 0)
        {
            throw new WAOpsException(DashboardErrorIds.DashboardNameRequired, ErrorKind.InvalidArgument,
                scope == DashboardScope.Arns
                    ? "Resources given by ARN need -DashboardName: nothing else says what to call the dashboard (and its alarms)."
                    : "A workload found by -TagFilter alone, or by names without letters or digits, needs -DashboardName to call the dashboard (and its alarms).",
                null)
            { RecommendedAction = "Add -DashboardName, for example -DashboardName shop-prod." };
        }

        return derived;
    }

    private static string[]? One(string? value) => value is null ? null : new[] { value };
}
