using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WAOps.Engine.Documents;
using WAOps.Engine.Errors;

namespace WAOps.Engine.Templates.CloudFormation;

/// <summary>
/// Evaluates CloudFormation intrinsic functions the way CloudFormation would before deployment: parameters (Default or
/// the value given), pseudo-parameters that are known up front (AWS::Region, AWS::Partition, AWS::URLSuffix), Mappings,
/// Conditions, Fn::Sub/Join/Select/Split/FindInMap/If/GetAZs/Base64/Length/ToJsonString. What only deployment knows
/// (AWS::AccountId, attributes other than an ARN, Fn::ImportValue, Fn::Cidr, macros) becomes an <see cref="UnresolvedValue"/>,
/// never a guess. A reference to a resource of the template evaluates to the id the inventory files it under, so
/// relationships resolve within the template. Grammar errors (an unknown function, a Ref to nothing, wrong arguments)
/// are errors with the file, line and column.
/// </summary>
internal sealed class IntrinsicEvaluator
{
    private const string NoValueKey = "$waops:novalue";

    private static readonly HashSet<string> KnownFunctions = new(StringComparer.Ordinal)
    {
        "Ref", "Condition", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::FindInMap", "Fn::ImportValue", "Fn::If",
        "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Fn::Base64", "Fn::Cidr", "Fn::GetAZs", "Fn::Transform", "Fn::Length", "Fn::ToJsonString",
    };

    private readonly LocatedDocument _document;
    private readonly TemplateSymbols _symbols;
    private readonly ConditionResolver _conditions;

    public IntrinsicEvaluator(LocatedDocument document, TemplateSymbols symbols)
    {
        _document = document;
        _symbols = symbols;
        _conditions = new ConditionResolver(document, this);
    }

    public ConditionResolver Conditions => _conditions;

    /// <summary>The value of <paramref name="node"/> (found at <paramref name="pointer"/>) with every intrinsic evaluated.</summary>
    public JsonNode? Evaluate(JsonNode? node, string pointer)
    {
        var value = EvaluateInner(node, pointer);
        return IsNoValue(value) ? null : value;
    }

    private JsonNode? EvaluateInner(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject map when map.Count == 1 && IsFunctionName(map.First().Key):
                var (name, argument) = map.First();
                return Function(name, argument, pointer + "/" + DocumentPositions.Segment(name));
            case JsonObject map:
                var result = new JsonObject();
                foreach (var (key, value) in map)
                {
                    var evaluated = EvaluateInner(value, pointer + "/" + DocumentPositions.Segment(key));
                    if (!IsNoValue(evaluated))
                    {
                        result[key] = evaluated;
                    }
                }

                return result;
            case JsonArray array:
                var list = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    var evaluated = EvaluateInner(array[i], pointer + "/" + i);
                    if (!IsNoValue(evaluated))
                    {
                        list.Add(evaluated);
                    }
                }

                return list;
            default:
                return node?.DeepClone();
        }
    }

    private static bool IsFunctionName(string key) => key == "Ref" || key == "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal);

    private static bool IsNoValue(JsonNode? node) => node is JsonObject map && map.ContainsKey(NoValueKey);

    private JsonNode? Function(string name, JsonNode? argument, string pointer)
    {
        if (!KnownFunctions.Contains(name))
        {
            throw Error(TemplateErrorIds.UnknownIntrinsic, pointer, $"{name} is not a CloudFormation intrinsic function");
        }

        switch (name)
        {
            case "Ref":
                return Ref(Text(argument, pointer, name), pointer);
            case "Condition":
                return Bool(_conditions.Resolve(Text(argument, pointer, name), pointer));
            case "Fn::GetAtt":
                return GetAtt(argument, pointer);
            case "Fn::Sub":
                return Sub(argument, pointer);
            case "Fn::Join":
                return Join(argument, pointer);
            case "Fn::Select":
                return Select(argument, pointer);
            case "Fn::Split":
                return Split(argument, pointer);
            case "Fn::FindInMap":
                return FindInMap(argument, pointer);
            case "Fn::ImportValue":
                var export = Evaluate(argument, pointer);
                return UnresolvedValue.Create($"Fn::ImportValue {(export is JsonValue v ? v.ToString() : "(computed name)")} is exported by another stack");
            case "Fn::If":
                return If(argument, pointer);
            case "Fn::Equals":
            case "Fn::And":
            case "Fn::Or":
            case "Fn::Not":
                return Bool(ConditionFunction(name, argument, pointer));
            case "Fn::Base64":
                return Evaluate(argument, pointer);
            case "Fn::Cidr":
                return UnresolvedValue.Create("Fn::Cidr is computed by CloudFormation");
            case "Fn::GetAZs":
                return GetAzs(argument, pointer);
            case "Fn::Transform":
                return UnresolvedValue.Create($"Fn::Transform {Evaluate(argument, pointer)?["Name"]} is a macro CloudFormation expands at deployment");
            case "Fn::Length":
                var items = Evaluate(argument, pointer);
                return items is JsonArray counted ? JsonValue.Create(counted.Count) : UnresolvedValue.Create(UnresolvedValue.FindIn(items) ?? "Fn::Length of a value that is not a list");
            case "Fn::ToJsonString":
                var json = Evaluate(argument, pointer);
                return UnresolvedValue.FindIn(json) is { } unknown ? UnresolvedValue.Create(unknown) : JsonValue.Create(json?.ToJsonString() ?? "null");
            default:
                throw Error(TemplateErrorIds.UnknownIntrinsic, pointer, $"{name} is not a CloudFormation intrinsic function");
        }
    }

    /// <summary>A condition function's truth: true, false, or null with the reason when it depends on an unknown value.</summary>
    internal (bool? Value, string? Reason) ConditionFunction(string name, JsonNode? argument, string pointer)
    {
        var args = argument as JsonArray ?? throw Error(TemplateErrorIds.InvalidTemplate, pointer, $"{name} takes a list");
        switch (name)
        {
            case "Fn::Equals":
                if (args.Count != 2)
                {
                    throw Error(TemplateErrorIds.InvalidTemplate, pointer, "Fn::Equals takes two values");
                }

                var left = Evaluate(args[0], pointer + "/0");
                var right = Evaluate(args[1], pointer + "/1");
                var unknown = UnresolvedValue.FindIn(left) ?? UnresolvedValue.FindIn(right);
                return unknown is not null ? (null, unknown) : (Comparable(left) == Comparable(right), null);
            case "Fn::Not":
                if (args.Count != 1)
                {
                    throw Error(TemplateErrorIds.InvalidTemplate, pointer, "Fn::Not takes one condition");
                }

                var inner = Truth(args[0], pointer + "/0");
                return inner.Value is null ? inner : (!inner.Value, null);
            default:
                var results = args.Select((a, i) => Truth(a, pointer + "/" + i)).ToList();
                var isAnd = name == "Fn::And";
                if (results.Any(r => r.Value == !isAnd))
                {
                    return (!isAnd, null);
                }

                var open = results.FirstOrDefault(r => r.Value is null);
                return open.Reason is not null ? open : (isAnd, null);
        }
    }

    /// <summary>The truth of a condition operand: a condition function, a {"Condition": name}, or a literal true/false.</summary>
    internal (bool? Value, string? Reason) Truth(JsonNode? node, string pointer)
    {
        if (node is JsonObject map && map.Count == 1)
        {
            var (name, argument) = map.First();
            var inner = pointer + "/" + DocumentPositions.Segment(name);
            if (name == "Condition")
            {
                return _conditions.Resolve(Text(argument, inner, name), inner);
            }

            if (name is "Fn::Equals" or "Fn::And" or "Fn::Or" or "Fn::Not")
            {
                return ConditionFunction(name, argument, inner);
            }
        }

        var value = Evaluate(node, pointer);
        if (UnresolvedValue.TryGet(value, out var reason, out _))
        {
            return (null, reason);
        }

        return value is JsonValue literal && bool.TryParse(literal.ToString(), out var flag)
            ? (flag, null)
            : throw Error(TemplateErrorIds.InvalidTemplate, pointer, "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not, a Condition or true/false");
    }

    private static JsonNode Bool((bool? Value, string? Reason) truth) =>
        truth.Value is { } value ? JsonValue.Create(value) : UnresolvedValue.Create(truth.Reason ?? "condition not known");

    private static string Comparable(JsonNode? node) => node is JsonValue value ? value.ToString() : node?.ToJsonString() ?? "null";

    private JsonNode? Ref(string name, string pointer)
    {
        switch (name)
        {
            case "AWS::Region":
                return _symbols.Region;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::NoValue":
                return new JsonObject { [NoValueKey] = true };
            case "AWS::AccountId":
            case "AWS::StackName":
            case "AWS::StackId":
            case "AWS::NotificationARNs":
                return UnresolvedValue.Create($"{name} is known at deployment");
        }

        if (_symbols.Parameters.TryGetValue(name, out var parameter))
        {
            return parameter?.DeepClone();
        }

        if (_symbols.Resources.TryGetValue(name, out var resource))
        {
            return resource.RefId;
        }

        throw Error(TemplateErrorIds.InvalidTemplate, pointer, $"Ref {name} names no parameter, pseudo-parameter or resource of the template");
    }

    private JsonNode? GetAtt(JsonNode? argument, string pointer)
    {
        if (argument is not JsonArray { Count: 2 } pair)
        {
            throw Error(TemplateErrorIds.InvalidTemplate, pointer, "Fn::GetAtt takes [LogicalId, Attribute]");
        }

        var logicalId = Text(pair[0], pointer + "/0", "Fn::GetAtt");
        var attribute = Evaluate(pair[1], pointer + "/1");
        return Attribute(logicalId, attribute is JsonValue a ? a.ToString() : null, pointer);
    }

    private JsonNode Attribute(string logicalId, string? attribute, string pointer)
    {
        if (!_symbols.Resources.TryGetValue(logicalId, out var resource))
        {
            throw Error(TemplateErrorIds.InvalidTemplate, pointer, $"Fn::GetAtt names {logicalId}, which is not a resource of the template");
        }

        return attribute == "Arn" && resource.ArnId is { } arn
            ? JsonValue.Create(arn)
            : UnresolvedValue.Create($"{logicalId}.{attribute ?? "(computed)"} is known only after deployment");
    }

    private JsonNode? Sub(JsonNode? argument, string pointer)
    {
        string text;
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (argument is JsonArray { Count: 2 } pair)
        {
            text = Text(pair[0], pointer + "/0", "Fn::Sub");
            if (pair[1] is not JsonObject map)
            {
                throw Error(TemplateErrorIds.InvalidTemplate, pointer + "/1", "the second value of Fn::Sub must be a mapping of variables");
            }

            foreach (var (key, value) in map)
            {
                variables[key] = Evaluate(value, pointer + "/1/" + DocumentPositions.Segment(key));
            }
        }
        else
        {
            text = Text(argument, pointer, "Fn::Sub");
        }

        var parts = new List<JsonNode?>();
        var literal = new StringBuilder();
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf("${", at, StringComparison.Ordinal);
            if (open < 0)
            {
                literal.Append(text, at, text.Length - at);
                break;
            }

            literal.Append(text, at, open - at);
            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                throw Error(TemplateErrorIds.InvalidTemplate, pointer, $"Fn::Sub has an unclosed ${{ in \"{text}\"");
            }

            var name = text[(open + 2)..close].Trim();
            if (name.StartsWith('!'))
            {
                // ${!Literal} writes ${Literal}.
                literal.Append("${").Append(name[1..]).Append('}');
            }
            else
            {
                parts.Add(JsonValue.Create(literal.ToString()));
                literal.Clear();
                parts.Add(variables.TryGetValue(name, out var variable) ? variable
                    : name.Contains('.') && !name.StartsWith("AWS::", StringComparison.Ordinal)
                        ? Attribute(name[..name.IndexOf('.')], name[(name.IndexOf('.') + 1)..], pointer)
                        : Ref(name, pointer));
            }

            at = close + 1;
        }

        parts.Add(JsonValue.Create(literal.ToString()));
        return Concatenate(parts, string.Empty, "Fn::Sub", pointer);
    }

    private JsonNode? Join(JsonNode? argument, string pointer)
    {
        if (argument is not JsonArray { Count: 2 } pair)
        {
            throw Error(TemplateErrorIds.InvalidTemplate, pointer, "Fn::Join takes [delimiter, [values]]");
        }

        var delimiter = Text(pair[0], pointer + "/0", "Fn::Join");
        var values = Evaluate(pair[1], pointer + "/1");
        if (UnresolvedValue.TryGet(values, out var reason, out _))
        {
            return UnresolvedValue.Create(reason);
        }

        if (values is not JsonArray list)
        {
            throw Error(TemplateErrorIds.InvalidTemplate, pointer + "/1", "the second value of Fn::Join must be a list");
        }

        return Concatenate(list.ToList(), delimiter, "Fn::Join", pointer);
    }

    private JsonNode Concatenate(IReadOnlyList<JsonNode?> parts, string delimiter, string function, string pointer)
    {
        var text = new StringBuilder();
        string? unknown = null;
        var first = true;
        foreach (var part in parts)
        {
            if (!first)
            {
                text.Append(delimiter);
            }

            first = false;
            if (UnresolvedValue.TryGet(part, out var reason, out var partial))
            {
                unknown ??= reason;
                text.Append(partial ?? $"«{reason}»");
            }
            else if (part is JsonValue value)
            {
                text.Append(value.ToString());
            }
            else if (part is not null)
            {
                throw Error(TemplateErrorIds.InvalidTemplate, pointer, $"{function} joins text, not lists or mappings");
            }
        }

        return unknown is null ? JsonValue.Create(text.ToString()) : UnresolvedValue.Create(unknown, text.ToString());
    }

    private JsonNode? Select(JsonNode? argument, string pointer)
    {
        if (argument is not JsonArray { Count: 2 } pair)
        {
            throw Error(TemplateErrorIds.InvalidTemplate, pointer, "Fn::Select takes [index, [values]]");
        }

        var index = Evaluate(pair[0], pointer + "/0");
        var list = Evaluate(pair[1], pointer + "/1");
        var unknown = UnresolvedValue.FindIn(index) ?? (UnresolvedValue.TryGet(list, out var r, out _) ? r : null);
        if (unknown is not null)
        {
            return UnresolvedValue.Create(unknown);
        }

        if (index is not JsonValue indexValue || !int.TryParse(indexValue.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) || list is not JsonArray items)
        {
            throw Error(TemplateErrorIds.InvalidTemplate, pointer, "Fn::Select takes a number and a list");
        }

        if (i < 0 || i >= items.Count)
        {
            throw Error(TemplateErrorIds.InvalidTemplate, pointer, $"Fn::Select index {i} is outside the list of {items.Count}");
        }

        return items[i]?.DeepClone();
    }

    private JsonNode? Split(JsonNode? argument, string pointer)
    {
        if (argument is not JsonArray { Count: 2 } pair)
        {
            throw Error(TemplateErrorIds.InvalidTemplate, pointer, "Fn::Split takes [delimiter, text]");
        }

        var delimiter = Text(pair[0], pointer + "/0", "Fn::Split");
        var source = Evaluate(pair[1], pointer + "/1");
        if (UnresolvedValue.TryGet(source, out var reason, out _))
        {
            return UnresolvedValue.Create(reason);
        }

        return new JsonArray((source?.ToString() ?? string.Empty).Split(delimiter).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
    }

    private JsonNode? FindInMap(JsonNode? argument, string pointer)
    {
        if (argument is not JsonArray { Count: 3 or 4 } args)
        {
            throw Error(TemplateErrorIds.InvalidTemplate, pointer, "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]");
        }

        var keys = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var key = Evaluate(args[i], pointer + "/" + i);
            if (UnresolvedValue.TryGet(key, out var reason, out _))
            {
                return UnresolvedValue.Create(reason);
            }

            keys.Add(key?.ToString() ?? string.Empty);
        }

        var found = _symbols.Mappings?[keys[0]]?[keys[1]]?[keys[2]];
        if (found is null)
        {
            // Fn::FindInMap's DefaultValue (AWS::LanguageExtensions) answers a missing key.
            if (args.Count == 4 && args[3] is JsonObject fallback && fallback["DefaultValue"] is { } defaultValue)
            {
                return Evaluate(defaultValue, pointer + "/3/DefaultValue");
            }

            throw Error(TemplateErrorIds.InvalidTemplate, pointer, $"Fn::FindInMap: Mappings has no {keys[0]} > {keys[1]} > {keys[2]}");
        }

        return Evaluate(found, "/Mappings/" + string.Join('/', keys.Select(DocumentPositions.Segment)));
    }

    private JsonNode? If(JsonNode? argument, string pointer)
    {
        if (argument is not JsonArray { Count: 3 } args)
        {
            throw Error(TemplateErrorIds.InvalidTemplate, pointer, "Fn::If takes [Condition, value if true, value if false]");
        }

        var (value, reason) = _conditions.Resolve(Text(args[0], pointer + "/0", "Fn::If"), pointer + "/0");
        if (value is { } known)
        {
            return EvaluateInner(known ? args[1] : args[2], pointer + (known ? "/1" : "/2"));
        }

        // Both branches alike: the condition does not matter.
        var whenTrue = Evaluate(args[1], pointer + "/1");
        var whenFalse = Evaluate(args[2], pointer + "/2");
        return UnresolvedValue.FindIn(whenTrue) is null && Comparable(whenTrue) == Comparable(whenFalse)
            ? whenTrue
            : UnresolvedValue.Create($"Fn::If on a condition that is not known ({reason})");
    }

    private JsonNode GetAzs(JsonNode? argument, string pointer)
    {
        var region = Evaluate(argument, pointer)?.ToString();
        if (string.IsNullOrEmpty(region))
        {
            region = _symbols.Region;
        }

        // Zone names are per account, but they are distinct and in order: enough for "are these in different AZs".
        return new JsonArray("abcdef".Select(letter => (JsonNode?)JsonValue.Create(region + letter)).ToArray());
    }

    private string Text(JsonNode? node, string pointer, string function)
    {
        var value = Evaluate(node, pointer);
        if (value is JsonValue text && text.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
        {
            return text.ToString();
        }

        if (UnresolvedValue.TryGet(value, out var reason, out _))
        {
            throw Error(TemplateErrorIds.InvalidTemplate, pointer, $"{function} needs a value known before deployment here ({reason})");
        }

        throw Error(TemplateErrorIds.InvalidTemplate, pointer, $"{function} takes text here");
    }

    public WAOpsException Error(string errorId, string pointer, string message) =>
        new(errorId, ErrorKind.InvalidData, $"{_document.Describe(pointer)}: {message}.", _document.Origin);
}
