using System.Text.Json.Nodes;

namespace WAOps.Engine.Dashboards;

/// <summary>A widget before layout: type, size, properties and metric count; <see cref="GridLayout"/> gives it a place.</summary>
public sealed record UnplacedWidget(string Type, int Width, int Height, JsonObject Properties, int MetricCount = 0);
