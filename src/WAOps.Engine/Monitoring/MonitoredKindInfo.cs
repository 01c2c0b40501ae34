namespace WAOps.Engine.Monitoring;

/// <summary>What the dashboard and the alarm catalog know about one kind of resource.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Section">The dashboard section's title ("AWS Lambda").</param>
/// <param name="Noun">One resource ("Lambda function").</param>
/// <param name="PluralNoun">Several resources ("Lambda functions").</param>
/// <param name="NamePart">The kind's part of alarm names ("lambda").</param>
/// <param name="IdentityDimensions">The dimension names that identify one resource's metrics.</param>
/// <param name="FixedDimensions">Dimensions with a fixed value that every metric of the kind carries (CloudFront: Region=Global).</param>
public sealed record MonitoredKindInfo(
    MonitoredKind Kind,
    string Section,
    string Noun,
    string PluralNoun,
    string NamePart,
    IReadOnlyList<string> IdentityDimensions,
    IReadOnlyList<MetricDimension> FixedDimensions);
