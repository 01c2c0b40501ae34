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
        WAOpsLoadContext.Initialize(Path.Combine(moduleDirectory, "Dependencies"));
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += ResolveBridgeAssembly;
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        // The handler stays: types already bound through it keep working if the module is imported again.
    }

    private static Assembly? ResolveBridgeAssembly(AssemblyLoadContext context, AssemblyName name) =>
        name.Name is not null && BridgeAssemblies.Contains(name.Name) && WAOpsLoadContext.Instance is { } waops
            ? waops.LoadFromAssemblyName(name)
            : null;
}
