namespace WAOps.Engine.Tags;

/// <summary>A tag filter: the key, and the values it may have (none: any value, the key only has to exist).</summary>
public sealed record TagFilterSpec(string Key, IReadOnlyList<string> Values);
