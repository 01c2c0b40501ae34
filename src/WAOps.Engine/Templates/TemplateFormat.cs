namespace WAOps.Engine.Templates;

/// <summary>What a -TemplatePath file is.</summary>
public enum TemplateFormat
{
    /// <summary>A CloudFormation template (JSON or YAML; SAM templates are CloudFormation templates with a transform).</summary>
    CloudFormation,

    /// <summary>A Terraform plan as `terraform show -json plan.out` writes it.</summary>
    TerraformPlan,
}
