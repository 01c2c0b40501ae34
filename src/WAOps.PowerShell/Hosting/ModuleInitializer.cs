using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace WAOps.PowerShell.Hosting;

/// <summary>
/// Runs when PowerShell imports the module. The cmdlet assembly lives in the default load context and
/// refers to WAOps.Engine and WAOps.Aws; this hook answers the default context's requests for exactly those
/// two assemblies from <see cref="WAOpsLoadContext"/>. Their own dependencies then resolve inside that
/// context, never in the default one.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly HashSet<string> BridgeAssemblies = new(StringComparer.Ordinal) { "WAOps.Engine", "WAOps.Aws" };
    private static int _registered;

    public void OnImport()
    {
        var moduleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;
        WAOpsLoadContext.Initialize(DependencyDirectoryFor(Path.Combine(moduleDirectory, "Dependencies")));
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += ResolveBridgeAssembly;
        }

        StartWarmUp();
    }

    // Its own method, kept out of OnImport, so WAOps.Aws is asked for only once the bridge above can answer.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void StartWarmUp() => WAOps.Aws.Protocol.AwsColdStartWarmUp.Start();

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        // The handler stays: types already bound through it keep working if the module is imported again.
    }

    /// <summary>
    /// The dependencies precompiled (ReadyToRun) for the running .NET when the module carries a set for it
    /// (Dependencies/net10.0 on PowerShell 7.6); otherwise the net8.0 set, which every supported runtime runs.
    /// Both sets are built from the same sources; they differ only in the native code a runtime will accept.
    /// </summary>
    internal static string DependencyDirectoryFor(string dependencies)
    {
        var runtimeSpecific = Path.Combine(dependencies, $"net{Environment.Version.Major}.0");
        return Directory.Exists(runtimeSpecific) ? runtimeSpecific : dependencies;
    }

    private static Assembly? ResolveBridgeAssembly(AssemblyLoadContext context, AssemblyName name) =>
        name.Name is not null && BridgeAssemblies.Contains(name.Name) && WAOpsLoadContext.Instance is { } waops
            ? waops.LoadFromAssemblyName(name)
            : null;
}
