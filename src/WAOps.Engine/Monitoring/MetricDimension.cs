namespace WAOps.Engine.Monitoring;

/// <summary>One CloudWatch metric dimension: a name and its value (FunctionName = orders-api).</summary>
public sealed record MetricDimension(string Name, string Value)
{
    public override string ToString() => $"{Name}={Value}";
}
