namespace WAOps.Engine.Monitoring;

/// <summary>
/// One resource as the dashboard and the alarm catalog see it: its kind, ARN, the region its metrics live in
/// (us-east-1 for CloudFront), a short name, the dimensions that identify its metrics (FunctionName;
/// ClusterName + ServiceName; LoadBalancer "app/name/id"; ...), the values of finer dimensions its metrics
/// also come in (Facets: the CacheNodeIds of a cache cluster, the TargetGroups of a load balancer, the
/// FilterIds of a bucket's request metrics) and the facts the catalogs' rules need (Attributes: engine,
/// Container Insights, ...). Discovery in the AWS layer fills it; nothing here calls AWS.
/// </summary>
public sealed class MonitoredResource
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoFacets = new Dictionary<string, IReadOnlyList<string>>();
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

    public MonitoredResource(
        MonitoredKind kind,
        string arn,
        string region,
        string name,
        IEnumerable<MetricDimension> dimensions,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? facets = null,
        IReadOnlyDictionary<string, string>? attributes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(arn);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Kind = kind;
        Arn = arn;
        Region = region;
        Name = name;
        Dimensions = dimensions.ToList();
        if (Dimensions.Count == 0)
        {
            throw new ArgumentException("A monitored resource needs the dimensions of its metrics.", nameof(dimensions));
        }

        // Facet values are kept sorted and distinct so that everything built from them comes out in a stable order.
        Facets = facets is null
            ? NoFacets
            : facets.Where(f => f.Value.Count > 0).ToDictionary(
                f => f.Key,
                f => (IReadOnlyList<string>)f.Value.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);
        Attributes = attributes is null ? NoAttributes : new Dictionary<string, string>(attributes, StringComparer.Ordinal);
    }

    public MonitoredKind Kind { get; }

    public string Arn { get; }

    /// <summary>Where its metrics (and its alarms) live: the resource's region, us-east-1 for CloudFront.</summary>
    public string Region { get; }

    /// <summary>A short, human name: the function, queue or cluster name; "cluster/service" for ECS services.</summary>
    public string Name { get; }

    /// <summary>The dimensions that identify this resource's metrics, in the order dashboards write them.</summary>
    public IReadOnlyList<MetricDimension> Dimensions { get; }

    /// <summary>Finer dimensions its metrics also come in, by dimension name, values sorted.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Facets { get; }

    /// <summary>Facts for the catalogs' rules; see <see cref="MonitoredAttributes"/>.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    public IReadOnlyList<string> Facet(string dimension) => Facets.TryGetValue(dimension, out var values) ? values : Array.Empty<string>();

    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;

    public bool Is(string attribute) => string.Equals(Attribute(attribute), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Lambda function orders-api".</summary>
    public string Title => $"{MonitoredKinds.Of(Kind).Noun} {Name}";

    public override string ToString() => $"{Kind} {Name} ({Arn})";
}
