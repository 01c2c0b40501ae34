namespace WAOps.Engine.Templates;

/// <summary>Stable error ids of the template and plan readers (bad input stops the run before any rule judges).</summary>
public static class TemplateErrorIds
{
    /// <summary>A -TemplatePath that does not exist.</summary>
    public const string TemplateNotFound = "TemplateNotFound";

    /// <summary>A file over <see cref="TemplateFile.MaxBytes"/>, refused before it is read.</summary>
    public const string TemplateTooLarge = "TemplateTooLarge";

    /// <summary>Malformed JSON or YAML (the message has the line and column).</summary>
    public const string InvalidTemplateSyntax = "InvalidTemplateSyntax";

    /// <summary>Well-formed JSON/YAML that is neither a CloudFormation template nor a Terraform plan.</summary>
    public const string NotATemplate = "NotATemplate";

    /// <summary>A template that breaks CloudFormation's grammar (a resource without Type, an intrinsic with the wrong arguments, ...).</summary>
    public const string InvalidTemplate = "InvalidTemplate";

    /// <summary>An Fn:: function or short-form tag CloudFormation does not have.</summary>
    public const string UnknownIntrinsic = "UnknownIntrinsic";

    /// <summary>Conditions that refer to each other in a cycle.</summary>
    public const string CircularCondition = "CircularCondition";

    /// <summary>A parameter with no Default and no -TemplateParameter value.</summary>
    public const string MissingTemplateParameter = "MissingTemplateParameter";

    /// <summary>A -TemplateParameter key that names no parameter of the template.</summary>
    public const string UnknownTemplateParameter = "UnknownTemplateParameter";

    /// <summary>A cost-estimate sidecar file or metadata block that cannot be read as one.</summary>
    public const string InvalidCostEstimate = "InvalidCostEstimate";
}
