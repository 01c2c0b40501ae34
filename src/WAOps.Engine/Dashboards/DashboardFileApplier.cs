using WAOps.Engine.Errors;
using WAOps.Engine.Planning;

namespace WAOps.Engine.Dashboards;

/// <summary>Writes dashboard bodies to files (-OutFile), and reads what the files hold now for the planner.</summary>
public sealed class DashboardFileApplier : IChangeApplier<WriteDashboardFileOperation>
{
    /// <summary>Each file's current content; null for a file that does not exist.</summary>
    public static async Task<IReadOnlyDictionary<string, string?>> ReadAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            current[path] = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
        }

        return current;
    }

    public async Task<ApplyResult> ApplyAsync(PlannedChange<WriteDashboardFileOperation> change, CancellationToken cancellationToken)
    {
        var write = change.Operation!;
        try
        {
            await File.WriteAllTextAsync(write.Path, write.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WAOpsException(DashboardErrorIds.InvalidOutFile, ErrorKind.WriteError, $"The dashboard body could not be written to '{write.Path}': {ex.Message}", write.Path, ex);
        }

        return ApplyResult.Completed();
    }
}
