namespace WAOps.Engine.Inventory;

/// <summary>
/// A kind of resource the quality gates know: its name in the "service:type" vocabulary of ARNs and the
/// Tagging API (ec2:subnet, rds:cluster, s3:bucket, ...; the same names -ResourceType and tag policies use),
/// the CloudFormation type a template declares it with (so a template reader maps types to kinds by lookup),
/// and the class that holds its typed properties. WAOps' own pseudo-kinds (the account, an account's region,
/// a project) start with "aws:" and have no CloudFormation type.
/// </summary>
public sealed record ResourceKind(string Name, string? CloudFormationType, Type PropertiesType, string Description)
{
    public override string ToString() => Name;
}
