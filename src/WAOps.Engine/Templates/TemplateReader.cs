using WAOps.Engine.Inventory;
using WAOps.Engine.Templates.CloudFormation;
using WAOps.Engine.Templates.Terraform;

namespace WAOps.Engine.Templates;

/// <summary>
/// Reads a CloudFormation template or a Terraform plan into the same inventory the live collector fills (DESIGN §1), so
/// the same rules judge it. Each file is its own inventory: references resolve within it. Bad input throws a
/// WAOpsException with a stable ErrorId (<see cref="TemplateErrorIds"/>) and the file and line.
/// </summary>
public static class TemplateReader
{
    public static TemplateReadResult Read(string path, TemplateReadOptions options)
    {
        var (document, format) = TemplateFile.Load(path);
        return Read(path, document, format, options);
    }

    public static TemplateReadResult Read(string path, Documents.LocatedDocument document, TemplateFormat format, TemplateReadOptions options)
    {
        var fileName = System.IO.Path.GetFileName(path);
        var notes = new List<string>();
        var resources = format == TemplateFormat.CloudFormation
            ? CloudFormationReader.Read(document, options, fileName, notes)
            : TerraformPlanReader.Read(document, fileName, notes);
        var inventory = new ResourceInventory();
        new TemplateInventoryMapper(resources, options, inventory).Map();
        var template = CostEstimateReader.Read(path, document, format);
        inventory.Add(new InventoryResource(ResourceKinds.Template, PseudoResourceIds.Template(fileName), fileName, options.AccountId,
            PseudoResourceIds.GlobalRegion, Tags.TagSet.Empty, template, DiscoverySource.Template, fileName)
        {
            Location = new SourceLocation(document.Origin, 1, 1),
        });
        var parameters = format == TemplateFormat.CloudFormation ? CloudFormationParameters.Names(document) : Array.Empty<string>();
        return new TemplateReadResult(path, format, inventory, parameters, notes);
    }
}
