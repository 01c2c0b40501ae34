using System.Diagnostics;
using System.Text.Json;

namespace WAOps.Aws.Tests.Support;

/// <summary>
/// Independent peers for tests: the AWS CLI (reads state back, and is the reference for wire forms) and the
/// boto3 seeding scripts in tests/Support/seed. Both get dummy credentials and an explicit endpoint.
/// </summary>
public static class ExternalTools
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Runs the AWS CLI and returns its JSON output (null when it printed nothing).</summary>
    public static JsonElement? AwsCli(Uri endpoint, string region, params string[] arguments)
    {
        var all = new List<string> { "--endpoint-url", endpoint.ToString().TrimEnd('/'), "--region", region, "--output", "json" };
        all.AddRange(arguments);
        var output = Run("aws", all, endpoint);
        return string.IsNullOrWhiteSpace(output) ? null : JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>Runs tests/Support/seed/&lt;script&gt; against moto and returns its JSON output.</summary>
    public static JsonElement? Seed(Uri endpoint, string script, params string[] arguments)
    {
        var all = new List<string> { Path.Combine(RepositoryRoot, "tests", "Support", "seed", script) };
        all.AddRange(arguments);
        var output = Run("python3", all, endpoint);
        return string.IsNullOrWhiteSpace(output) ? null : JsonDocument.Parse(output).RootElement.Clone();
    }

    private static string Run(string program, IEnumerable<string> arguments, Uri endpoint)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = TestCredentials.AccessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = TestCredentials.SecretKey;
        start.Environment["AWS_DEFAULT_REGION"] = TestCredentials.Region;
        start.Environment["WAOPS_SEED_ENDPOINT"] = endpoint.ToString().TrimEnd('/');
        start.Environment["WAOPS_SEED_REGION"] = TestCredentials.Region;
        start.Environment["AWS_PAGER"] = string.Empty;
        start.Environment.Remove("AWS_PROFILE");
        start.Environment.Remove("AWS_SESSION_TOKEN");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout.Result;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WAOps.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("WAOps.sln not found above the test binaries.");
    }
}
