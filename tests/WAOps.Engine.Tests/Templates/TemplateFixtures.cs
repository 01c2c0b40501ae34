using WAOps.Engine.Gates;
using WAOps.Engine.Templates;

namespace WAOps.Engine.Tests.Templates;

/// <summary>Reads the project's template corpus (tests/Templates, runbooks/templates) and judges it with every rule.</summary>
internal static class TemplateFixtures
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Corpus(string relative) => Path.Combine(RepositoryRoot, "tests", "Templates", relative);

    public static string ReferenceWorkload => Path.Combine(RepositoryRoot, "runbooks", "templates", "reference-workload.yaml");

    public static List<GateFinding> Judge(string path, IReadOnlyDictionary<string, string>? parameters = null, string region = "us-east-1", GateOptions? options = null)
    {
        var read = TemplateReader.Read(path, new TemplateReadOptions { Region = region, Parameters = parameters ?? new Dictionary<string, string>() });
        return new GateEvaluator(RuleCatalog.Select(null, null, null, null), options ?? new GateOptions()).Evaluate(read.Inventory).ToList();
    }

    public static GateFinding One(this IEnumerable<GateFinding> findings, string rule, string resourceId)
    {
        var matching = findings.Where(f => f.RuleId == rule && (f.ResourceId == resourceId || f.Name == resourceId)).ToList();
        if (matching.Count != 1)
        {
            throw new InvalidOperationException($"Expected one {rule} finding for {resourceId}, found {matching.Count}: {string.Join(" | ", findings.Where(f => f.RuleId == rule).Select(f => f.ResourceId + " " + f.Status))}");
        }

        return matching[0];
    }

    /// <summary>The 1-based line where <paramref name="text"/> first appears in the file (so tests do not hard-code line numbers).</summary>
    public static int LineOf(string path, string text)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new InvalidOperationException($"'{text}' is not in {path}.");
        }

        return index + 1;
    }

    /// <summary>A template written to a temporary file (the reader takes paths, like the cmdlet).</summary>
    public static string Write(string text, string extension = ".yaml")
    {
        var path = Path.Combine(Path.GetTempPath(), $"waops-template-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text);
        return path;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WAOps.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("WAOps.sln not found above the test directory.");
    }
}
