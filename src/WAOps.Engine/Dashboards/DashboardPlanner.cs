using System.Globalization;
using System.Text.Json;
using WAOps.Engine.Planning;

namespace WAOps.Engine.Dashboards;

/// <summary>
/// Compares the dashboards a workload should have with what CloudWatch has (GetDashboard) and plans Create,
/// Update or nothing for each, comparing bodies by meaning. Numbered dashboards left over from a time the
/// workload needed more of them (name-3 when two suffice now) are deleted with prune and reported otherwise;
/// only dashboards that carry the workload's marker count as left over. The same comparison plans -OutFile
/// files against their current content.
/// </summary>
public static class DashboardPlanner
{
    public const string DashboardKind = "Dashboard";
    public const string FileKind = "DashboardFile";
    public const string ExtraReason = "The workload no longer needs this numbered dashboard; -Prune deletes it.";

    /// <param name="wanted">The dashboards to have, in part order.</param>
    /// <param name="current">The body CloudWatch has for each wanted name; null or missing when there is none.</param>
    /// <param name="otherParts">Dashboards named like further parts (name-n) with their bodies, to find left-overs.</param>
    /// <param name="marker">The workload's marker; only left-overs that carry it are touched.</param>
    /// <param name="prune">Delete left-overs instead of reporting them.</param>
    public static IReadOnlyList<PlannedChange<DashboardOperation>> Plan(
        IReadOnlyList<DashboardDefinition> wanted,
        IReadOnlyDictionary<string, string?> current,
        IEnumerable<KeyValuePair<string, string?>> otherParts,
        string marker,
        bool prune)
    {
        var changes = new List<PlannedChange<DashboardOperation>>();
        foreach (var dashboard in wanted)
        {
            current.TryGetValue(dashboard.Name, out var body);
            changes.Add(Compare<DashboardOperation>(dashboard.Name, DashboardKind, dashboard.Body, body, "the one in CloudWatch", new PutDashboardOperation(dashboard), dashboard));
        }

        var names = wanted.Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, body) in otherParts.Where(p => !names.Contains(p.Key) && p.Value?.Contains(marker, StringComparison.Ordinal) == true).OrderBy(p => PartNumber(p.Key)))
        {
            changes.Add(prune
                ? new PlannedChange<DashboardOperation>(name, DashboardKind, ChangeAction.Delete, "The workload no longer needs this numbered dashboard.", Describe(body), null,
                    new DeleteDashboardOperation(name))
                : new PlannedChange<DashboardOperation>(name, DashboardKind, ChangeAction.Skip, ExtraReason, Describe(body), operation: new DeleteDashboardOperation(name)));
        }

        return changes;
    }

    /// <summary>Plans writing each dashboard's pretty-printed body to its file; current holds each file's content (null when absent).</summary>
    public static IReadOnlyList<PlannedChange<WriteDashboardFileOperation>> PlanFiles(IReadOnlyList<(string Path, DashboardDefinition Dashboard)> files, IReadOnlyDictionary<string, string?> current)
    {
        var changes = new List<PlannedChange<WriteDashboardFileOperation>>();
        foreach (var (path, dashboard) in files)
        {
            current.TryGetValue(path, out var content);
            var text = DashboardBody.Format(dashboard.Body) + "\n";
            changes.Add(Compare(path, FileKind, dashboard.Body, content, "the file's", new WriteDashboardFileOperation(path, dashboard, text), dashboard,
                same: content is not null && string.Equals(content.ReplaceLineEndings("\n"), text, StringComparison.Ordinal)));
        }

        return changes;
    }

    /// <summary>The file of each part: the path itself for the first, name-2.json, name-3.json ... for the next.</summary>
    public static string PartPath(string path, int part)
    {
        if (part <= 1)
        {
            return path;
        }

        var extension = Path.GetExtension(path);
        return path[..^extension.Length] + "-" + part.ToString(CultureInfo.InvariantCulture) + extension;
    }

    /// <summary>"12 widgets, 40 metrics" for a body, or a note that it is not readable.</summary>
    public static string Describe(string? body)
    {
        if (body is null)
        {
            return "none";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("widgets", out var widgets) && widgets.ValueKind == JsonValueKind.Array)
            {
                var metrics = 0;
                foreach (var widget in widgets.EnumerateArray())
                {
                    if (widget.ValueKind == JsonValueKind.Object && widget.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                        && properties.TryGetProperty("metrics", out var lines) && lines.ValueKind == JsonValueKind.Array)
                    {
                        metrics += lines.GetArrayLength();
                    }
                }

                return $"{widgets.GetArrayLength()} widgets, {metrics} metrics";
            }

            return "a body without widgets";
        }
        catch (JsonException)
        {
            return "a body that is not JSON";
        }
    }

    private static PlannedChange<TOperation> Compare<TOperation>(string target, string kind, string wantedBody, string? currentBody, string where, TOperation operation,
        DashboardDefinition dashboard, bool? same = null)
        where TOperation : class
    {
        var after = $"{dashboard.WidgetCount} widgets, {dashboard.MetricCount} metrics";
        if (currentBody is null)
        {
            return new PlannedChange<TOperation>(target, kind, ChangeAction.Create, kind == FileKind ? "The file does not exist." : "The dashboard does not exist.", null, after, operation);
        }

        var unchanged = same ?? DashboardBody.AreEquivalent(wantedBody, currentBody);
        return unchanged
            ? new PlannedChange<TOperation>(target, kind, ChangeAction.None, "As wanted.", Describe(currentBody), after, operation)
            : new PlannedChange<TOperation>(target, kind, ChangeAction.Update, $"The body differs from {where}.", Describe(currentBody), after, operation);
    }

    private static int PartNumber(string name)
    {
        var dash = name.LastIndexOf('-');
        return dash >= 0 && int.TryParse(name.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
    }
}
