using System.Text.Json.Nodes;
using WAOps.Engine.Documents;
using WAOps.Engine.Inventory;
using WAOps.Engine.Tags;

namespace WAOps.Engine.Templates.CloudFormation;

/// <summary>
/// Reads a parsed CloudFormation template into template resources: checks its grammar, resolves parameters and
/// conditions, leaves out resources whose Condition is false, evaluates every property and reads the tags. SAM templates
/// are read as written (the transform is not expanded): AWS::Serverless::Function and SimpleTable are judged as the
/// function and table they become, the role SAM would generate is unknown, other serverless types are listed as not judged.
/// </summary>
internal static class CloudFormationReader
{
    public static IReadOnlyList<TemplateResource> Read(LocatedDocument document, TemplateReadOptions options, string fileName, List<string> notes)
    {
        var root = (JsonObject)document.Root;
        var invalid = (string pointer, string message) => new IntrinsicEvaluator(document, Empty(options)).Error(TemplateErrorIds.InvalidTemplate, pointer, message);
        if (root["Resources"] is not JsonObject resources || resources.Count == 0)
        {
            throw invalid("/Resources", "a template needs a Resources section with at least one resource");
        }

        var declared = new List<(string LogicalId, string Type, JsonObject Body)>();
        foreach (var (logicalId, node) in resources)
        {
            if (logicalId.StartsWith("Fn::ForEach::", StringComparison.Ordinal))
            {
                notes.Add($"{fileName}: {logicalId} (AWS::LanguageExtensions) is not expanded; the resources it would create are not judged.");
                continue;
            }

            var pointer = "/Resources/" + DocumentPositions.Segment(logicalId);
            if (node is not JsonObject body || body["Type"] is not JsonValue type || type.ToString().Length == 0)
            {
                throw invalid(pointer, $"the resource {logicalId} has no Type");
            }

            declared.Add((logicalId, type.ToString(), body));
        }

        var transforms = Transforms(root);
        foreach (var transform in transforms.Where(t => t is not "AWS::Serverless-2016-10-31" and not "AWS::LanguageExtensions"))
        {
            notes.Add($"{fileName}: the transform {transform} is a macro CloudFormation runs at deployment; resources are judged as written, before it.");
        }

        var parameters = CloudFormationParameters.Resolve(document, options.Parameters);
        var provisional = new TemplateSymbols
        {
            Region = options.Region,
            Parameters = parameters,
            Mappings = root["Mappings"] as JsonObject,
            Resources = declared.ToDictionary(d => d.LogicalId, d => new ResourceSymbol(d.Type, d.LogicalId, null), StringComparer.Ordinal),
        };

        // Buckets are known by name (policies name them by ARN), so their names are worked out first.
        var bucketNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var first = new IntrinsicEvaluator(document, provisional);
        foreach (var (logicalId, type, body) in declared.Where(d => d.Type == "AWS::S3::Bucket"))
        {
            var name = first.Evaluate((body["Properties"] as JsonObject)?["BucketName"], $"/Resources/{DocumentPositions.Segment(logicalId)}/Properties/BucketName");
            if (name is JsonValue text)
            {
                bucketNames[logicalId] = text.ToString();
            }
        }

        var symbols = new TemplateSymbols
        {
            Region = options.Region,
            Parameters = parameters,
            Mappings = provisional.Mappings,
            Resources = declared.ToDictionary(d => d.LogicalId, d =>
            {
                if (bucketNames.TryGetValue(d.LogicalId, out var bucket))
                {
                    return new ResourceSymbol(d.Type, bucket, "arn:aws:s3:::" + bucket);
                }

                return d.Type == "AWS::S3::Bucket"
                    ? new ResourceSymbol(d.Type, d.LogicalId.ToLowerInvariant(), "arn:aws:s3:::" + d.LogicalId.ToLowerInvariant())
                    : new ResourceSymbol(d.Type, d.LogicalId, $"{fileName}#{d.LogicalId}");
            }, StringComparer.Ordinal),
        };
        var evaluator = new IntrinsicEvaluator(document, symbols);
        evaluator.Conditions.ResolveAll();
        var globals = Globals(root, evaluator, transforms);

        var result = new List<TemplateResource>();
        var unexpanded = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (logicalId, type, body) in declared)
        {
            var pointer = "/Resources/" + DocumentPositions.Segment(logicalId);
            if (body["Condition"] is { } condition)
            {
                var (exists, _) = evaluator.Conditions.Resolve(condition.ToString(), pointer + "/Condition");
                if (exists == false)
                {
                    continue;
                }
            }

            if (type.StartsWith("AWS::Serverless::", StringComparison.Ordinal) && type is not "AWS::Serverless::Function" and not "AWS::Serverless::SimpleTable")
            {
                unexpanded.Add($"{logicalId} ({type})");
            }

            var properties = evaluator.Evaluate(body["Properties"], pointer + "/Properties") as JsonObject ?? new JsonObject();
            if (type == "AWS::Serverless::Function" && globals is not null)
            {
                foreach (var (key, value) in globals)
                {
                    if (!properties.ContainsKey(key))
                    {
                        properties[key] = value?.DeepClone();
                    }
                    else if (key == "Tags" && properties[key] is JsonObject own && value is JsonObject shared)
                    {
                        foreach (var (tag, tagValue) in shared.Where(t => !own.ContainsKey(t.Key)).ToList())
                        {
                            own[tag] = tagValue?.DeepClone();
                        }
                    }
                }
            }

            var at = document.Positions.Find(pointer) ?? (0, 0);
            var location = new SourceLocation(document.Origin, at.Line, at.Column);
            var view = new PropertyView(properties, document, pointer + "/Properties", "Properties", location);
            var symbol = symbols.Resources[logicalId];
            var (tags, tagsUnknown) = ReadTags(properties[type == "AWS::EFS::FileSystem" ? "FileSystemTags" : "Tags"]);
            result.Add(new TemplateResource(logicalId, type, symbol.ArnId ?? $"{fileName}#{logicalId}", symbol.RefId, view, location)
            {
                Tags = tags,
                TagsUnknownReason = tagsUnknown,
            });
        }

        if (unexpanded.Count > 0)
        {
            notes.Add($"{fileName}: not judged, because the AWS::Serverless-2016-10-31 transform is not expanded: {string.Join(", ", unexpanded)}.");
        }

        return result;
    }

    private static TemplateSymbols Empty(TemplateReadOptions options) => new()
    {
        Region = options.Region,
        Parameters = new Dictionary<string, JsonNode?>(),
        Resources = new Dictionary<string, ResourceSymbol>(),
    };

    private static IReadOnlyList<string> Transforms(JsonObject root) => root["Transform"] switch
    {
        JsonValue single => new[] { single.ToString() },
        JsonArray list => list.Select(t => t is JsonObject macro ? macro["Name"]?.ToString() ?? "(macro)" : t?.ToString() ?? string.Empty).ToList(),
        JsonObject macro => new[] { macro["Name"]?.ToString() ?? "(macro)" },
        _ => Array.Empty<string>(),
    };

    /// <summary>SAM's Globals.Function (tags, VPC configuration) as they apply to every AWS::Serverless::Function.</summary>
    private static JsonObject? Globals(JsonObject root, IntrinsicEvaluator evaluator, IReadOnlyList<string> transforms) =>
        transforms.Contains("AWS::Serverless-2016-10-31") && (root["Globals"] as JsonObject)?["Function"] is JsonObject function
            ? evaluator.Evaluate(function, "/Globals/Function") as JsonObject
            : null;

    /// <summary>Tags as a list of Key/Value (most types) or a mapping (SAM, a few others); unknown when any key or value is.</summary>
    internal static (TagSet Tags, string? UnknownReason) ReadTags(JsonNode? node)
    {
        if (node is null)
        {
            return (TagSet.Empty, null);
        }

        if (UnresolvedValue.FindIn(node) is { } unknown)
        {
            return (TagSet.Empty, unknown);
        }

        var pairs = new List<KeyValuePair<string, string>>();
        switch (node)
        {
            case JsonArray list:
                foreach (var item in list.OfType<JsonObject>())
                {
                    if (item["Key"]?.ToString() is { } key)
                    {
                        pairs.Add(KeyValuePair.Create(key, item["Value"]?.ToString() ?? string.Empty));
                    }
                }

                break;
            case JsonObject map:
                pairs.AddRange(map.Select(p => KeyValuePair.Create(p.Key, p.Value?.ToString() ?? string.Empty)));
                break;
        }

        return (new TagSet(pairs.GroupBy(p => p.Key, StringComparer.Ordinal).Select(g => g.Last())), null);
    }
}
