using System.Reflection;
using System.Runtime.Loader;

namespace WAOps.PowerShell.Hosting;

/// <summary>
/// WAOps' own AssemblyLoadContext. Everything WAOps depends on (its engine and AWS layer, AWSSDK.Core and
/// service packages, YamlDotNet, ...) is loaded here from the module's Dependencies folder, so another module
/// that loaded a different AWSSDK.Core (AWS.Tools.Common, for one) neither breaks WAOps nor is broken by it.
/// Framework assemblies are not found here and fall through to the default context.
/// </summary>
internal sealed class WAOpsLoadContext : AssemblyLoadContext
{
    private readonly string _dependencyDirectory;

    private WAOpsLoadContext(string dependencyDirectory)
        : base("WAOps", isCollectible: false)
    {
        _dependencyDirectory = dependencyDirectory;
    }

    public static WAOpsLoadContext? Instance { get; private set; }

    public static WAOpsLoadContext Initialize(string dependencyDirectory)
    {
        // One context per process: a module imported again, or into another runspace, shares it.
        return Instance ??= new WAOpsLoadContext(dependencyDirectory);
    }

    public string DependencyDirectory => _dependencyDirectory;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var candidate = Path.Combine(_dependencyDirectory, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
