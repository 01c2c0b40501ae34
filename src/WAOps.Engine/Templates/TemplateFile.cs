using System.Text.Json;
using System.Text.Json.Nodes;
using WAOps.Engine.Documents;
using WAOps.Engine.Errors;

namespace WAOps.Engine.Templates;

/// <summary>
/// Reads a CloudFormation template (JSON or YAML, with short-form intrinsic tags) or a Terraform plan (JSON) into one
/// neutral tree with the position of every value, and tells which of the two it is. Everything wrong with the file
/// itself (missing, too big, malformed, neither kind) is a <see cref="WAOpsException"/> with the file and, where it has
/// one, the line and column.
/// </summary>
public static class TemplateFile
{
    /// <summary>
    /// The largest file read. CloudFormation accepts templates up to 1 MB (from S3); Terraform plans of large estates run
    /// to several MB. Anything bigger is refused before a byte of it is parsed, so a stray log or dump cannot stall CI.
    /// </summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    public static (LocatedDocument Document, TemplateFormat Format) Load(string path)
    {
        if (Directory.Exists(path) || !File.Exists(path))
        {
            throw new WAOpsException(TemplateErrorIds.TemplateNotFound, ErrorKind.ObjectNotFound,
                Directory.Exists(path) ? $"'{path}' is a directory; give the template or plan file." : $"The template '{path}' does not exist.", path);
        }

        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw new WAOpsException(TemplateErrorIds.TemplateTooLarge, ErrorKind.LimitsExceeded,
                $"'{path}' is {length / (1024.0 * 1024):0.#} MB; templates and plans over {MaxBytes / 1024 / 1024} MB are not read (CloudFormation's own limit is 1 MB).", path)
            {
                RecommendedAction = "Check that the path names a template or a `terraform show -json` plan, not a log or state dump.",
            };
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WAOpsException(TemplateErrorIds.TemplateNotFound, ErrorKind.ReadError, $"'{path}' cannot be read: {ex.Message}", path, ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses template or plan text; <paramref name="origin"/> names it in errors and locations.</summary>
    public static (LocatedDocument Document, TemplateFormat Format) Parse(string text, string origin)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var document = trimmed.StartsWith('{') || trimmed.StartsWith('[')
            ? StructuredDocument.ParseLocated(text, origin, TemplateErrorIds.InvalidTemplateSyntax)
            : CloudFormationYaml.Parse(text, origin);
        return (document, Detect(document));
    }

    private static TemplateFormat Detect(LocatedDocument document)
    {
        if (document.Root is JsonObject root)
        {
            if (root.ContainsKey("Resources") || root.ContainsKey("AWSTemplateFormatVersion"))
            {
                return TemplateFormat.CloudFormation;
            }

            if (root.ContainsKey("format_version") && (root.ContainsKey("planned_values") || root.ContainsKey("resource_changes") || root.ContainsKey("terraform_version")))
            {
                return TemplateFormat.TerraformPlan;
            }
        }

        var seen = document.Root is JsonObject map
            ? map.Count == 0 ? "an empty mapping" : $"top-level keys {string.Join(", ", map.Select(p => p.Key).Take(6))}"
            : document.Root.GetValueKind() == JsonValueKind.Array ? "a list" : "a single value";
        throw new WAOpsException(TemplateErrorIds.NotATemplate, ErrorKind.InvalidData,
            $"{document.Describe(string.Empty)} is neither a CloudFormation template (no Resources or AWSTemplateFormatVersion) nor a Terraform plan "
            + $"(no format_version with planned_values, from `terraform show -json`): it holds {seen}.", document.Origin);
    }
}
