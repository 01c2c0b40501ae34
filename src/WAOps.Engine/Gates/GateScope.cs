using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;
using WAOps.Engine.Text;

namespace WAOps.Engine.Gates;

/// <summary>
/// Which resources a run judges (-Project, -Environment, -TagFilter). Every resource stays in the inventory, so
/// references still resolve (an untagged route table still decides whether a tagged instance's subnet is public);
/// only the judged resources are narrowed. The account and its regions are always judged; a project when it matches
/// -Project and some judged resource carries it. -Project and -Environment match tag values (any key spelling)
/// with wildcards, ignoring case; -TagFilter keys must match exactly and values are case-sensitive wildcards (AWS tags are).
/// </summary>
public sealed class GateScope
{
    public static readonly GateScope Everything = new(Array.Empty<string>(), Array.Empty<string>(), new Dictionary<string, IReadOnlyList<string>>());

    private readonly IReadOnlyList<WildcardPattern> _projects;
    private readonly IReadOnlyList<WildcardPattern> _environments;
    private readonly IReadOnlyList<(string Key, IReadOnlyList<WildcardPattern> Values)> _tags;

    public GateScope(IReadOnlyList<string> projects, IReadOnlyList<string> environments, IReadOnlyDictionary<string, IReadOnlyList<string>> tagFilters)
    {
        foreach (var value in projects.Concat(environments).Concat(tagFilters.Keys))
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new WAOpsException(GateErrorIds.InvalidScope, ErrorKind.InvalidArgument, "-Project, -Environment and -TagFilter keys must not be empty.", value);
            }
        }

        _projects = projects.Select(p => new WildcardPattern(p, ignoreCase: true)).ToList();
        _environments = environments.Select(e => new WildcardPattern(e, ignoreCase: true)).ToList();
        _tags = tagFilters.Select(t => (t.Key, (IReadOnlyList<WildcardPattern>)t.Value.Select(v => new WildcardPattern(v)).ToList())).ToList();
        Description = string.Join(", ", new[]
        {
            projects.Count > 0 ? $"Project {string.Join("|", projects)}" : null,
            environments.Count > 0 ? $"Environment {string.Join("|", environments)}" : null,
            tagFilters.Count > 0 ? "tags " + string.Join("; ", tagFilters.Select(t => t.Value.Count == 0 ? t.Key : $"{t.Key}={string.Join("|", t.Value)}")) : null,
        }.Where(d => d is not null));
    }

    public bool IsEverything => _projects.Count == 0 && _environments.Count == 0 && _tags.Count == 0;

    /// <summary>"Project shop, Environment prod", or empty for everything.</summary>
    public string Description { get; }

    /// <summary>Whether a tagged (non-pseudo) resource is judged.</summary>
    public bool Includes(InventoryResource resource, string projectTagKey, string environmentTagKey)
    {
        if (IsEverything)
        {
            return true;
        }

        if (_projects.Count > 0 && !_projects.Any(p => p.IsMatch(resource.Tags.FindValue(projectTagKey))))
        {
            return false;
        }

        if (_environments.Count > 0 && !_environments.Any(p => p.IsMatch(resource.Tags.FindValue(environmentTagKey))))
        {
            return false;
        }

        foreach (var (key, values) in _tags)
        {
            if (!resource.Tags.TryGetValue(key, out var value) || (values.Count > 0 && !values.Any(v => v.IsMatch(value))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a project (aws:project) is judged, given the projects the judged resources carry.</summary>
    public bool IncludesProject(string project, ISet<string> projectsInScope) =>
        (_projects.Count == 0 || _projects.Any(p => p.IsMatch(project))) && (IsEverything || projectsInScope.Contains(project));
}
