using System.Text.Json.Nodes;

namespace WAOps.Engine.Templates.CloudFormation;

/// <summary>What names in a template stand for: parameter values, mappings, and for each resource the id a Ref gives and the id its Arn attribute gives.</summary>
internal sealed class TemplateSymbols
{
    public required string Region { get; init; }

    public required IReadOnlyDictionary<string, JsonNode?> Parameters { get; init; }

    public JsonObject? Mappings { get; init; }

    public required IReadOnlyDictionary<string, ResourceSymbol> Resources { get; init; }
}

/// <summary>A resource as other values see it: Ref gives <see cref="RefId"/> (its id in the inventory), Fn::GetAtt Arn gives <see cref="ArnId"/>.</summary>
internal sealed record ResourceSymbol(string Type, string RefId, string? ArnId);
