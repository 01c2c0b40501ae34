using WAOps.Engine.Dashboards;
using WAOps.Engine.Monitoring;

namespace WAOps.Engine.Alarms;

/// <summary>
/// Matches the alarm catalog to a workload's resources. A catalog alarm belongs to a resource when its namespace
/// is one of the resource's and its dimension names are exactly the resource's (one alarm), or the resource's plus
/// one finer dimension the resource has values for (one alarm per value: per cache node, per target group, per
/// request-metrics filter). Dimensions with fixed values (Role=WRITER, Region=Global) are added as written.
/// Alarms on dimensions WAOps cannot fill (Kubernetes namespaces and pods, CloudFront Functions, S3 replication
/// rules) or on account-level metrics (no dimensions) match no resource. <see cref="AlarmApplicability"/> then
/// removes those the resource's engine or configuration never publishes. The threshold is -AlarmThreshold's,
/// else the catalog's, else null (the planner keeps an existing alarm's or reports that one is needed).
/// </summary>
public static class AlarmDesigner
{
    public static AlarmDesign Design(
        IEnumerable<MonitoredResource> resources,
        string workload,
        string prefix,
        IReadOnlyDictionary<string, double>? thresholds = null,
        IReadOnlyList<RecommendedAlarm>? catalog = null)
    {
        catalog ??= RecommendedAlarmCatalog.All;
        thresholds ??= new Dictionary<string, double>();
        var alarms = new List<MetricAlarmSpec>();
        var notApplicable = new List<NotApplicableAlarm>();
        var ordered = resources
            .OrderBy(r => r.Kind)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Region, StringComparer.Ordinal)
            .ThenBy(r => r.Arn, StringComparer.Ordinal);
        foreach (var resource in ordered)
        {
            var namespaces = MonitoredKinds.NamespacesOf(resource);
            var identity = resource.Dimensions.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var row in catalog.Where(a => namespaces.Contains(a.Namespace, StringComparer.Ordinal)))
            {
                var facet = MatchFacet(row, identity, resource);
                if (facet is null)
                {
                    continue;
                }

                if (AlarmApplicability.WhyNotApplicable(row, resource) is { } reason)
                {
                    notApplicable.Add(new NotApplicableAlarm(resource, row, reason));
                    continue;
                }

                foreach (var value in facet.Value.Values)
                {
                    alarms.Add(Build(resource, row, facet.Value.Name, value, workload, prefix, thresholds));
                }
            }
        }

        return new AlarmDesign(Unique(alarms), notApplicable);
    }

    /// <summary>
    /// Null when the row's dimensions do not fit the resource; otherwise the finer dimension to expand over (Name
    /// null and one empty value when the row is on the resource's own dimensions).
    /// </summary>
    private static (string? Name, IReadOnlyList<string?> Values)? MatchFacet(RecommendedAlarm row, HashSet<string> identity, MonitoredResource resource)
    {
        if (row.DimensionNames.Count == 0)
        {
            return null;
        }

        var names = row.DimensionNames.ToHashSet(StringComparer.Ordinal);
        if (names.SetEquals(identity))
        {
            return (null, new string?[] { null });
        }

        if (!identity.IsSubsetOf(names) || names.Count != identity.Count + 1)
        {
            return null;
        }

        var extra = names.Except(identity).Single();
        var values = resource.Facet(extra);
        return values.Count == 0 ? null : (extra, values.Cast<string?>().ToList());
    }

    private static MetricAlarmSpec Build(MonitoredResource resource, RecommendedAlarm row, string? facetName, string? facetValue, string workload, string prefix, IReadOnlyDictionary<string, double> thresholds)
    {
        var dimensions = new List<MetricDimension>();
        foreach (var dimension in row.DimensionNames)
        {
            var value = dimension == facetName ? facetValue! : resource.Dimensions.First(d => d.Name == dimension).Value;
            dimensions.Add(new MetricDimension(dimension, value));
        }

        dimensions.AddRange(row.FixedDimensions);
        var info = MonitoredKinds.Of(resource.Kind);
        var facetPart = facetValue is null ? string.Empty : "-" + FacetText(facetName!, facetValue);
        var name = AlarmNaming.Name(prefix, workload, info.NamePart, resource.Name + facetPart, row.MetricName);

        var (threshold, source) = thresholds.TryGetValue(row.Key, out var given)
            ? (given, ThresholdSource.Parameter)
            : row.Threshold is { } t
                ? (t, row.Source == AlarmSource.WAOpsDefault ? ThresholdSource.WAOpsDefault : ThresholdSource.Recommended)
                : ((double?)null, ThresholdSource.Recommended);

        return new MetricAlarmSpec
        {
            Name = name,
            Region = resource.Region,
            ResourceArn = resource.Arn,
            Namespace = row.Namespace,
            MetricName = row.MetricName,
            Dimensions = dimensions,
            Statistic = row.Statistic,
            ComparisonOperator = row.ComparisonOperator,
            Threshold = threshold,
            ThresholdSource = source,
            Period = row.Period,
            EvaluationPeriods = row.EvaluationPeriods,
            DatapointsToAlarm = row.DatapointsToAlarm,
            TreatMissingData = row.TreatMissingData,
            Source = row.Source,
            Description = Describe(resource, row, facetName, facetValue, workload),
        };
    }

    /// <summary>The facet as it appears in names: a target group's name, a cache node id, a filter id.</summary>
    private static string FacetText(string facetName, string value) => facetName == "TargetGroup" ? WidgetCatalog.TargetGroupName(value) : value;

    private static string Describe(MonitoredResource resource, RecommendedAlarm row, string? facetName, string? facetValue, string workload)
    {
        var source = row.Source == AlarmSource.AwsRecommended
            ? "AWS recommended alarm"
            : "WAOps default alarm (AWS recommends none for this metric)";
        var facet = facetName is null ? string.Empty : $", {facetName} {facetValue}";
        var text = $"{source} for {resource.Title}{facet}: {row.MetricName} {row.Statistic} {AlarmText.Operator(row.ComparisonOperator)} threshold "
            + $"for {row.DatapointsToAlarm} of {row.EvaluationPeriods} periods of {row.Period} s. ";
        var marker = " " + WorkloadDescription.MarkerFor(workload);
        var arn = $"Resource: {resource.Arn}.";
        var room = 1024 - text.Length - marker.Length;
        if (arn.Length > room)
        {
            arn = room > 3 ? arn[..(room - 3)] + "..." : string.Empty;
        }

        return text + arn + marker;
    }

    /// <summary>Alarm names must be unique in a region regardless of case; a later alarm with a taken name gets a hash suffix.</summary>
    private static List<MetricAlarmSpec> Unique(List<MetricAlarmSpec> alarms)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<MetricAlarmSpec>(alarms.Count);
        foreach (var alarm in alarms)
        {
            var name = alarm.Name;
            if (!taken.Add($"{alarm.Region}|{name}"))
            {
                name = AlarmNaming.Disambiguate(name, $"{alarm.Key}|{string.Join(";", alarm.Dimensions)}");
                taken.Add($"{alarm.Region}|{name}");
            }

            result.Add(name == alarm.Name ? alarm : alarm with { Name = name });
        }

        return result.OrderBy(a => a.Region, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
    }
}
