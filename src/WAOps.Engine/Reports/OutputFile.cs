using WAOps.Engine.Errors;

namespace WAOps.Engine.Reports;

/// <summary>
/// A file a run will write (a report, a dashboard body), checked before anything is read: it must not be a folder, its
/// folder must exist and take a new file, so a long run never ends in a path it cannot write.
/// </summary>
public static class OutputFile
{
    /// <summary>The path, checked; throws InvalidOutFile (WriteError) naming <paramref name="parameter"/> otherwise.</summary>
    public static string Check(string path, string parameter = "-OutFile")
    {
        var directory = Path.GetDirectoryName(path);
        if (Directory.Exists(path) || string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
        {
            throw new WAOpsException(ParameterErrorIds.InvalidOutFile, ErrorKind.WriteError,
                Directory.Exists(path)
                    ? $"{parameter} '{path}' is a folder; name a file. Nothing was written."
                    : $"{parameter} '{path}' cannot be written: the folder '{directory}' does not exist. Nothing was written.", path);
        }

        try
        {
            // Probe that the folder takes a file, without touching an existing one.
            var probe = Path.Combine(directory, $".waops-write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WAOpsException(ParameterErrorIds.InvalidOutFile, ErrorKind.WriteError, $"{parameter} '{path}' cannot be written: {ex.Message}", path, ex);
        }

        return path;
    }
}
