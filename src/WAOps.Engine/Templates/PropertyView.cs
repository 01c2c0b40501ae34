using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WAOps.Engine.Documents;
using WAOps.Engine.Inventory;

namespace WAOps.Engine.Templates;

/// <summary>
/// The evaluated properties of one template resource (or a block inside them), read as facts: a value that is set, the
/// default AWS applies when it is not set, or unresolved (an <see cref="UnresolvedValue"/>: the rule reports Unknown).
/// Every fact carries the file, line and column of the property and its path, so a finding about it points there.
/// YAML gives every scalar as text, JSON and plans give typed values: both are accepted.
/// </summary>
public sealed class PropertyView
{
    private readonly JsonObject? _values;
    private readonly LocatedDocument _document;
    private readonly string _pointer;
    private readonly string _path;
    private readonly SourceLocation _fallback;
    private readonly Func<string, string>? _sourceName;

    /// <param name="sourceName">
    /// For translated properties (Terraform plans), the attribute a property was translated from, so its location is the
    /// attribute's line in the plan; null when the names are the file's own.
    /// </param>
    public PropertyView(JsonObject? values, LocatedDocument document, string pointer, string path, SourceLocation fallback, Func<string, string>? sourceName = null)
    {
        _values = values;
        _document = document;
        _pointer = pointer;
        _path = path;
        _fallback = fallback;
        _sourceName = sourceName;
    }

    public bool Has(string name) => _values is not null && _values.ContainsKey(name) && _values[name] is not null;

    public JsonNode? Raw(string name) => _values?[name];

    public SourceLocation LocationOf(string name)
    {
        var source = _sourceName?.Invoke(name) ?? name;
        var pointer = _pointer + "/" + DocumentPositions.Segment(source);
        var at = _document.Positions.Find(pointer);
        var path = _path.Length == 0 ? source : _path + "." + source;
        return at is { } position ? new SourceLocation(_fallback.File, position.Line, position.Column, path) : _fallback.WithProperty(path);
    }

    /// <summary>A nested mapping (BucketEncryption, VpcConfig); an empty view when absent; null when it cannot be resolved.</summary>
    public PropertyView? Child(string name)
    {
        var node = Raw(name);
        if (UnresolvedValue.Is(node))
        {
            return null;
        }

        if (node is JsonArray { Count: 1 } single && single[0] is JsonObject block)
        {
            // Terraform nested blocks come as one-element lists.
            return new PropertyView(block, _document, _pointer + "/" + DocumentPositions.Segment(name) + "/0", Join(name), _fallback);
        }

        return new PropertyView(node as JsonObject, _document, _pointer + "/" + DocumentPositions.Segment(name), Join(name), _fallback);
    }

    /// <summary>The mappings of a list property (DefaultActions, Statement); unresolved entries are skipped by the caller through <see cref="Unresolved"/>.</summary>
    public IReadOnlyList<PropertyView> Items(string name)
    {
        if (Raw(name) is not JsonArray array)
        {
            return Array.Empty<PropertyView>();
        }

        return array.Select((item, i) => new PropertyView(item as JsonObject, _document, _pointer + "/" + DocumentPositions.Segment(name) + "/" + i, $"{Join(name)}[{i}]", _fallback)).ToList();
    }

    /// <summary>Why <paramref name="name"/> (or anything under it) is not known; null when it is.</summary>
    public string? Unresolved(string name) => UnresolvedValue.FindIn(Raw(name));

    public Fact<bool> Bool(string name, bool? whenAbsent)
    {
        var location = LocationOf(name);
        var node = Raw(name);
        if (node is null)
        {
            return whenAbsent is { } fallback ? Fact<bool>.Known(fallback, location) : Fact<bool>.Unresolved($"{Join(name)} is not set and AWS decides it at deployment", location);
        }

        if (UnresolvedValue.TryGet(node, out var reason, out _))
        {
            return Fact<bool>.Unresolved(reason, location);
        }

        return node is JsonValue value && bool.TryParse(value.ToString(), out var flag)
            ? Fact<bool>.Known(flag, location)
            : Fact<bool>.Unresolved($"{Join(name)} is {node.ToJsonString()}, not true or false", location);
    }

    public Fact<string?> Text(string name, string? whenAbsent = null)
    {
        var location = LocationOf(name);
        var node = Raw(name);
        if (node is null)
        {
            return Fact<string?>.Known(whenAbsent, location);
        }

        if (UnresolvedValue.TryGet(node, out var reason, out _))
        {
            return Fact<string?>.Unresolved(reason, location);
        }

        return node is JsonValue value ? Fact<string?>.Known(value.ToString(), location) : Fact<string?>.Unresolved($"{Join(name)} is not a single value", location);
    }

    public Fact<int> Int(string name, int? whenAbsent)
    {
        var text = Text(name);
        if (!text.TryGet(out var value))
        {
            return text.Select(_ => 0);
        }

        if (value is null)
        {
            return whenAbsent is { } fallback ? Fact<int>.Known(fallback, text.Location) : Fact<int>.Unresolved($"{Join(name)} is not set", text.Location);
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? Fact<int>.Known(number, text.Location)
            : Fact<int>.Unresolved($"{Join(name)} is {value}, not a number", text.Location);
    }

    /// <summary>A list of text (absent: empty); unresolved when the list or any item cannot be resolved. A single value counts as a list of one.</summary>
    public Fact<IReadOnlyList<string>> Strings(string name)
    {
        var location = LocationOf(name);
        var node = Raw(name);
        if (node is null)
        {
            return Fact<IReadOnlyList<string>>.Known(Array.Empty<string>(), location);
        }

        if (UnresolvedValue.FindIn(node) is { } reason)
        {
            return Fact<IReadOnlyList<string>>.Unresolved(reason, location);
        }

        return node switch
        {
            JsonArray array => Fact<IReadOnlyList<string>>.Known(array.Where(i => i is not null).Select(i => i is JsonValue v ? v.ToString() : i!.ToJsonString()).ToList(), location),
            JsonValue value => Fact<IReadOnlyList<string>>.Known(new[] { value.ToString() }, location),
            _ => Fact<IReadOnlyList<string>>.Unresolved($"{Join(name)} is not a list", location),
        };
    }

    /// <summary>True when the value is a JSON string in a plan (Terraform's policy attributes): parse it as JSON.</summary>
    public static JsonNode? ParseJsonText(JsonNode? node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                return JsonNode.Parse(value.ToString());
            }
            catch (JsonException)
            {
                return node;
            }
        }

        return node;
    }

    private string Join(string name) => _path.Length == 0 ? name : _path + "." + name;
}
