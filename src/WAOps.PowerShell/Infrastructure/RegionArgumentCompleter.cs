using System.Management.Automation;
using System.Management.Automation.Language;

namespace WAOps.PowerShell.Infrastructure;

/// <summary>Tab completion of region names from the regions AWSSDK.Core knows.</summary>
public sealed class RegionArgumentCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, System.Collections.IDictionary fakeBoundParameters) =>
        Aws.Session.AwsRegionCatalog.KnownRegionNames()
            .Where(name => name.StartsWith(wordToComplete.Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
            .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name));
}
