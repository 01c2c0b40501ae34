using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>
/// The shared walk of the IAM rules: every Allow statement of a customer-managed policy (its default version) or of a
/// role's, user's or group's inline policies, judged one by one: one verdict per offending statement, else one pass.
/// </summary>
internal static class IamPolicyStatements
{
    public static readonly IReadOnlyList<ResourceKind> Kinds = new[] { ResourceKinds.ManagedPolicy, ResourceKinds.Role, ResourceKinds.User, ResourceKinds.Group };

    /// <summary>Judges each Allow statement with <paramref name="offence"/> (null: fine; else the reason it fails).</summary>
    public static IEnumerable<RuleVerdict> Judge(InventoryResource resource, ResourceProperties properties, string passText,
        Func<PolicyStatement, (RuleVerdict? NotKnown, string? Offence)> offence)
    {
        var policies = new List<(string Label, PolicyDocument Document)>();
        switch (properties)
        {
            case ManagedPolicyProperties managed:
                if (!managed.Document.TryGet(out var document))
                {
                    return new[] { RuleVerdict.NotKnown(managed.Document, "policy document") };
                }

                policies.Add(($"policy {resource.Name ?? resource.ResourceId}", document));
                break;
            case PrincipalProperties principal:
                if (!principal.InlinePolicies.TryGet(out var inline))
                {
                    return new[] { RuleVerdict.NotKnown(principal.InlinePolicies, "inline policies") };
                }

                if (inline.Count == 0)
                {
                    return new[] { RuleVerdict.NotApplicable("no inline policies (attached managed policies are judged on their own)") };
                }

                policies.AddRange(inline.Select(p => ($"inline policy {p.Name}", p.Document)));
                break;
            default:
                return new[] { RuleVerdict.Error($"{resource.ResourceType} carries no IAM policy properties") };
        }

        var verdicts = new List<RuleVerdict>();
        var allows = 0;
        foreach (var (label, document) in policies)
        {
            foreach (var statement in document.Statements.Where(s => s.IsAllow))
            {
                allows++;
                var detail = $"{label} {statement.Describe()}";
                var (notKnown, reason) = offence(statement);
                if (notKnown is not null)
                {
                    verdicts.Add(notKnown with { Detail = detail, Location = notKnown.Location ?? statement.Location });
                }
                else if (reason is not null)
                {
                    verdicts.Add(RuleVerdict.Fail($"{detail}: {reason}", detail, statement.Location));
                }
            }
        }

        if (verdicts.Count == 0)
        {
            verdicts.Add(RuleVerdict.Pass($"{allows} Allow statement(s) in {policies.Count} polic{(policies.Count == 1 ? "y" : "ies")}, {passText}"));
        }

        return verdicts;
    }

    public static string List(IEnumerable<string> items) => string.Join(", ", items.Take(5)) + (items.Count() > 5 ? ", ..." : string.Empty);
}
