using WAOps.Engine.Planning;

namespace WAOps.Engine.Tags;

/// <summary>
/// Plans the tag changes for one resource from its current tags: adds a requested key only where it is
/// missing in every spelling; renames a mis-cased key (keeping its value) only when asked; replaces an
/// existing value only when asked. Planning on the current tags makes a repair idempotent: run again, it
/// plans nothing.
/// </summary>
public static class TagRepairPlanner
{
    public const string ChangeKind = "Tags";

    public static TagRepairPlan Plan(string resourceArn, string region, TagSet current, TagRepairRequest request)
    {
        var set = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var remove = new SortedSet<string>(StringComparer.Ordinal);
        var notes = new List<string>();

        var wanted = request.RequiredKeys.Concat(request.Tags.Keys).Distinct(StringComparer.Ordinal).ToList();
        foreach (var key in wanted)
        {
            var hasValue = request.Tags.TryGetValue(key, out var requestedValue);
            if (current.TryGetValue(key, out var existing))
            {
                if (hasValue && !string.Equals(existing, requestedValue, StringComparison.Ordinal))
                {
                    if (request.Overwrite)
                    {
                        set[key] = requestedValue!;
                    }
                    else
                    {
                        notes.Add($"{key} is already '{existing}'; use -Overwrite to set '{requestedValue}'");
                    }
                }

                continue;
            }

            var misCased = current.Keys.FirstOrDefault(k => !k.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)
                && string.Equals(k.Trim(), key, StringComparison.OrdinalIgnoreCase));
            if (misCased is not null)
            {
                if (request.FixKeyCase)
                {
                    set[key] = request.Overwrite && hasValue ? requestedValue! : current[misCased];
                    remove.Add(misCased);
                }
                else
                {
                    notes.Add($"'{misCased}' should be '{key}'; use -FixKeyCase to rename it");
                }

                continue;
            }

            if (hasValue)
            {
                set[key] = requestedValue!;
            }
            else if (request.RequiredKeys.Contains(key, StringComparer.Ordinal) && request.Tags.Count > 0)
            {
                notes.Add($"{key} is missing and no value was given for it");
            }
        }

        return new TagRepairPlan
        {
            ResourceArn = resourceArn,
            Region = region,
            TagsToSet = set,
            KeysToRemove = remove.ToList(),
            Notes = notes,
        };
    }

    /// <summary>The plan as a planned change: Update when it writes, else None (with its notes as the reason).</summary>
    public static PlannedChange<TagRepairPlan> ToChange(TagRepairPlan plan, TagSet current)
    {
        if (!plan.HasChanges)
        {
            return new PlannedChange<TagRepairPlan>(plan.ResourceArn, ChangeKind, ChangeAction.None,
                plan.Notes.Count > 0 ? string.Join("; ", plan.Notes) : "tags already as requested", operation: plan);
        }

        var before = string.Join("; ", plan.KeysToRemove.Concat(plan.TagsToSet.Keys.Where(current.ContainsKey)).Distinct()
            .Select(k => $"{k}={current[k]}"));
        var after = string.Join("; ", plan.TagsToSet.Select(t => $"{t.Key}={t.Value}"));
        var reason = plan.KeysToRemove.Count > 0
            ? $"set {plan.TagsToSet.Count} tag(s), then remove {string.Join(", ", plan.KeysToRemove)}"
            : $"set {plan.TagsToSet.Count} tag(s)";
        if (plan.Notes.Count > 0)
        {
            reason += "; " + string.Join("; ", plan.Notes);
        }

        return new PlannedChange<TagRepairPlan>(plan.ResourceArn, ChangeKind, ChangeAction.Update, reason, before.Length == 0 ? null : before, after, plan);
    }
}
