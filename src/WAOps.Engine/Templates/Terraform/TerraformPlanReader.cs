using System.Text.Json.Nodes;
using WAOps.Engine.Documents;
using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;
using WAOps.Engine.Tags;
using WAOps.Engine.Templates.CloudFormation;

namespace WAOps.Engine.Templates.Terraform;

/// <summary>
/// Reads a Terraform plan (`terraform show -json plan.out`) into template resources in CloudFormation's shape, so one
/// mapper fills the inventory for both. The planned values give what is known before apply; resource_changes'
/// after_unknown marks what is "known after apply" (unresolved); the configuration's expression references link
/// resources (vpc_id = aws_vpc.main.id), also inside modules and across count/for_each instances. An attribute that is
/// computed and not set in the configuration takes AWS's default, as for a template property left out. Tags are
/// tags_all: the resource's tags merged with the provider's default_tags.
/// </summary>
internal static class TerraformPlanReader
{
    public static IReadOnlyList<TemplateResource> Read(LocatedDocument document, string fileName, List<string> notes)
    {
        var root = (JsonObject)document.Root;
        if (root["planned_values"]?["root_module"] is not JsonObject plannedRoot)
        {
            throw new WAOpsException(TemplateErrorIds.NotATemplate, ErrorKind.InvalidData,
                $"{document.Describe(string.Empty)}: the plan has no planned_values.root_module (write it with `terraform show -json plan.out`, not from state).", document.Origin);
        }

        var planned = new List<(JsonObject Resource, string Pointer)>();
        Collect(plannedRoot, "/planned_values/root_module", planned);
        var unknowns = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var change in (root["resource_changes"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            if (change["address"]?.ToString() is { } address)
            {
                unknowns[address] = change["change"]?["after_unknown"];
            }
        }

        var expressions = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, (string Prefix, JsonArray References)>(StringComparer.Ordinal);
        if (root["configuration"]?["root_module"] is JsonObject configRoot)
        {
            CollectConfiguration(configRoot, string.Empty, expressions, outputs);
        }

        var addresses = planned.Select(p => p.Resource["address"]?.ToString() ?? string.Empty).ToHashSet(StringComparer.Ordinal);
        var skipped = new SortedSet<string>(StringComparer.Ordinal);
        var result = new List<TemplateResource>();
        foreach (var (resource, pointer) in planned)
        {
            if (resource["mode"]?.ToString() != "managed")
            {
                continue;
            }

            var address = resource["address"]!.ToString();
            var type = resource["type"]?.ToString() ?? string.Empty;
            var values = (resource["values"] as JsonObject)?.DeepClone() as JsonObject ?? new JsonObject();
            var configAddress = ConfigAddress(address);
            var config = expressions.GetValueOrDefault(configAddress);
            MarkUnknown(values, unknowns.GetValueOrDefault(address), config?["expressions"] as JsonObject);
            Link(values, config?["expressions"] as JsonObject, address, addresses, outputs);
            if (TerraformTypes.Translate(type, values) is not { } translated)
            {
                if (type.StartsWith("aws_", StringComparison.Ordinal))
                {
                    skipped.Add(type);
                }

                continue;
            }

            var at = document.Positions.Find(pointer) ?? (0, 0);
            var location = new SourceLocation(document.Origin, at.Line, at.Column);
            var attributes = (resource["values"] as JsonObject)?.Select(a => a.Key).ToList() ?? new List<string>();
            var view = new PropertyView(translated.Properties, document, pointer + "/values", "values", location, name => AttributeOf(name, attributes));
            var (tags, tagsUnknown) = CloudFormationReader.ReadTags(values["tags_all"] is { } all && !UnresolvedValue.Is(all) ? all : values["tags_all"] ?? values["tags"]);
            var id = translated.Arn ?? $"{fileName}#{address}";
            result.Add(new TemplateResource(address, translated.CloudFormationType, id, address, view, location)
            {
                Tags = tags,
                TagsUnknownReason = tagsUnknown is null ? null : $"tags_all: {tagsUnknown}",
            });
        }

        TerraformTypes.FoldBucketEncryption(result);
        if (skipped.Count > 0)
        {
            notes.Add($"{fileName}: resource types the quality gates do not model (not judged): {string.Join(", ", skipped)}.");
        }

        return result;
    }

    /// <summary>
    /// The plan attribute a translated property came from, by name (MultiAZ -> multi_az, DBSubnetGroupName ->
    /// db_subnet_group_name), so findings point at the attribute's line; the property name itself when none matches.
    /// </summary>
    private static string AttributeOf(string property, IReadOnlyList<string> attributes)
    {
        var wanted = property.ToLowerInvariant();
        return attributes.FirstOrDefault(a => a.Replace("_", string.Empty, StringComparison.Ordinal) == wanted) ?? property;
    }

    private static void Collect(JsonObject module, string pointer, List<(JsonObject, string)> into)
    {
        if (module["resources"] is JsonArray resources)
        {
            for (var i = 0; i < resources.Count; i++)
            {
                if (resources[i] is JsonObject resource)
                {
                    into.Add((resource, $"{pointer}/resources/{i}"));
                }
            }
        }

        if (module["child_modules"] is JsonArray children)
        {
            for (var i = 0; i < children.Count; i++)
            {
                if (children[i] is JsonObject child)
                {
                    Collect(child, $"{pointer}/child_modules/{i}", into);
                }
            }
        }
    }

    /// <summary>The configuration of every resource, by address without instance keys (module.net.aws_subnet.private).</summary>
    private static void CollectConfiguration(JsonObject module, string prefix, Dictionary<string, JsonObject> into, Dictionary<string, (string, JsonArray)> outputs)
    {
        foreach (var resource in (module["resources"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            if (resource["address"]?.ToString() is { } address)
            {
                into[prefix + address] = resource;
            }
        }

        foreach (var (name, call) in module["module_calls"] as JsonObject ?? new JsonObject())
        {
            if (call?["module"] is JsonObject child)
            {
                var childPrefix = $"{prefix}module.{name}.";
                foreach (var (output, definition) in child["outputs"] as JsonObject ?? new JsonObject())
                {
                    if (definition?["expression"]?["references"] is JsonArray references)
                    {
                        // module.network.private_subnet_ids, as the calling module refers to it.
                        outputs[childPrefix + output] = (childPrefix, references);
                    }
                }

                CollectConfiguration(child, childPrefix, into, outputs);
            }
        }
    }

    /// <summary>module.net["a"].aws_subnet.private[0] -> module.net.aws_subnet.private (configuration addresses have no instance keys).</summary>
    internal static string ConfigAddress(string address) => StripKeys(address);

    private static string StripKeys(string address)
    {
        var text = new System.Text.StringBuilder();
        var depth = 0;
        var quoted = false;
        foreach (var c in address)
        {
            if (c == '"' && depth > 0)
            {
                quoted = !quoted;
            }

            if (!quoted && c == '[')
            {
                depth++;
                continue;
            }

            if (!quoted && c == ']')
            {
                depth--;
                continue;
            }

            if (depth == 0)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>The module part of an address (module.net[0].), which references inside that module are relative to.</summary>
    private static string ModulePrefix(string address)
    {
        var configAddress = StripKeys(address);
        var parts = configAddress.Split('.');
        // type.name is the last two parts; everything before is module.<name> pairs.
        return parts.Length > 2 ? string.Join('.', parts[..^2]) + "." : string.Empty;
    }

    private static string InstanceKey(string address)
    {
        var last = address.LastIndexOf('.');
        var open = address.IndexOf('[', last < 0 ? 0 : last);
        return open < 0 ? string.Empty : address[open..];
    }

    /// <summary>
    /// Puts "known after apply" markers where after_unknown says so, for attributes the configuration sets; a computed
    /// attribute the configuration does not set is removed, so the AWS default applies to it as to an omitted property.
    /// </summary>
    private static void MarkUnknown(JsonObject values, JsonNode? unknown, JsonObject? configured)
    {
        if (unknown is not JsonObject flags)
        {
            return;
        }

        foreach (var (key, flag) in flags)
        {
            if (flag is JsonValue v && v.TryGetValue<bool>(out var isUnknown) && isUnknown)
            {
                if (configured is not null && !configured.ContainsKey(key) && key is not "tags_all")
                {
                    values.Remove(key);
                }
                else
                {
                    values[key] = UnresolvedValue.Create($"{key} is known after apply");
                }
            }
            else if (flag is JsonArray items && values[key] is JsonArray known)
            {
                for (var i = 0; i < items.Count && i < known.Count; i++)
                {
                    if (items[i] is JsonObject nested && known[i] is JsonObject block)
                    {
                        MarkUnknown(block, nested, (configured?[key] as JsonArray)?.ElementAtOrDefault(i) as JsonObject ?? (configured?[key] as JsonArray)?.FirstOrDefault() as JsonObject);
                    }
                    else if (items[i] is JsonValue itemFlag && itemFlag.TryGetValue<bool>(out var itemUnknown) && itemUnknown)
                    {
                        known[i] = UnresolvedValue.Create($"{key}[{i}] is known after apply");
                    }
                }
            }
        }
    }

    /// <summary>Replaces attributes that refer to other managed resources of the plan by those resources' addresses (their reference ids).</summary>
    private static void Link(JsonObject values, JsonObject? configured, string address, HashSet<string> addresses, Dictionary<string, (string Prefix, JsonArray References)> outputs)
    {
        if (configured is null)
        {
            return;
        }

        var prefix = ModulePrefix(address);
        var key = InstanceKey(address);
        foreach (var (name, expression) in configured)
        {
            if (expression is JsonObject single && single["references"] is JsonArray references)
            {
                var targets = Targets(references, prefix, key, addresses, values[name] is JsonArray || UnresolvedValue.Is(values[name]) && name.EndsWith("_ids", StringComparison.Ordinal), outputs);
                if (targets.Count > 0)
                {
                    values[name] = values[name] is JsonArray || targets.Count > 1
                        ? new JsonArray(targets.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray())
                        : JsonValue.Create(targets[0]);
                }
            }
            else if (expression is JsonArray blocks && values[name] is JsonArray valueBlocks)
            {
                for (var i = 0; i < blocks.Count && i < valueBlocks.Count; i++)
                {
                    if (blocks[i] is JsonObject blockExpressions && valueBlocks[i] is JsonObject blockValues)
                    {
                        Link(blockValues, blockExpressions, address, addresses, outputs);
                    }
                }
            }
        }
    }

    private static List<string> Targets(JsonArray references, string prefix, string instanceKey, HashSet<string> addresses, bool wantsList,
        Dictionary<string, (string Prefix, JsonArray References)> outputs)
    {
        var found = new List<string>();
        foreach (var reference in references.Select(r => r?.ToString()).Where(r => r is not null))
        {
            if (reference!.StartsWith("module.", StringComparison.Ordinal))
            {
                // A child module's output (module.network.private_subnet_ids[0]): follow it to the resources it names.
                var parts3 = reference.Split('.');
                if (parts3.Length >= 3)
                {
                    var outputName = parts3[2];
                    var index = outputName.IndexOf('[');
                    int? element = index > 0 && int.TryParse(outputName[(index + 1)..].TrimEnd(']'), out var n) ? n : null;
                    outputName = index > 0 ? outputName[..index] : outputName;
                    if (outputs.TryGetValue($"{prefix}module.{StripKeys(parts3[1])}.{outputName}", out var output))
                    {
                        var inner = Targets(output.References, output.Prefix, string.Empty, addresses, true, outputs);
                        var picked = element is { } at ? inner.Skip(at).Take(1) : inner;
                        foreach (var target in picked.Where(t => !found.Contains(t)))
                        {
                            found.Add(target);
                        }

                        if (element is not null || inner.Count > 0)
                        {
                            break;
                        }
                    }
                }

                continue;
            }

            if (reference.StartsWith("var.", StringComparison.Ordinal) || reference.StartsWith("local.", StringComparison.Ordinal)
                || reference.StartsWith("data.", StringComparison.Ordinal)
                || reference.StartsWith("each.", StringComparison.Ordinal) || reference.StartsWith("count.", StringComparison.Ordinal))
            {
                continue;
            }

            // aws_vpc.main.id, aws_subnet.private[0].id, aws_subnet.private: the resource is the first two parts.
            var parts = reference.Split('.');
            if (parts.Length < 2)
            {
                continue;
            }

            var resource = prefix + parts[0] + "." + parts[1];
            var bare = StripKeys(resource);
            var explicitKey = resource.Length != bare.Length;
            var instances = addresses.Where(a => StripKeys(a) == bare && ModulePrefix(a) == prefix || a == resource).ToList();
            if (explicitKey)
            {
                instances = addresses.Where(a => a == resource).ToList();
            }
            else if (instances.Count > 1 && !wantsList && instances.Contains(bare + instanceKey))
            {
                // count.index / each.key pairing: the instance with the same key as the referring resource.
                instances = new List<string> { bare + instanceKey };
            }

            foreach (var instance in instances.Order(StringComparer.Ordinal))
            {
                if (!found.Contains(instance))
                {
                    found.Add(instance);
                }
            }
        }

        return found;
    }
}
