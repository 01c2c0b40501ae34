using System.Runtime.CompilerServices;

namespace WAOps.Aws.Tests.Support;

/// <summary>
/// Runs before any test: points the SDK's shared profile files at empty temporary files and turns off the
/// instance metadata service, so the machine's own AWS profiles and roles can never take part in a test and
/// nothing can reach real AWS.
/// </summary>
internal static class HermeticEnvironment
{
    public static string EmptyDirectory { get; private set; } = string.Empty;

    [ModuleInitializer]
    internal static void Initialize()
    {
        EmptyDirectory = Directory.CreateTempSubdirectory("waops-tests-").FullName;
        var credentials = Path.Combine(EmptyDirectory, "credentials");
        var config = Path.Combine(EmptyDirectory, "config");
        File.WriteAllText(credentials, string.Empty);
        File.WriteAllText(config, string.Empty);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", credentials);
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", config);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        foreach (var variable in new[] { "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
