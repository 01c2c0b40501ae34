using WAOps.Engine.Errors;

namespace WAOps.Engine.Reports;

/// <summary>Writes a report in a format to a file (created or replaced; its directory must exist).</summary>
public static class GateReportWriter
{
    public const string ReportWriteFailedErrorId = "ReportWriteFailed";

    public static void Write(GateReport report, ReportFormat format, Stream output)
    {
        switch (format)
        {
            case ReportFormat.Sarif:
                SarifReportWriter.Write(report, output);
                break;
            case ReportFormat.JUnit:
                JUnitReportWriter.Write(report, output);
                break;
            case ReportFormat.Json:
                JsonReportWriter.Write(report, output);
                break;
            case ReportFormat.Markdown:
                MarkdownReportWriter.Write(report, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
        }
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and moves it into place, so a failed write never leaves half a report.</summary>
    public static void WriteFile(GateReport report, ReportFormat format, string path)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                Write(report, format, stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new WAOpsException(ReportWriteFailedErrorId, ErrorKind.WriteError, $"The {format} report could not be written to '{path}': {ex.Message}", path, ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the report itself was not written, and that is what the error says.
        }
    }
}
