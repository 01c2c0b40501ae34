using System.Management.Automation;

namespace WAOps.PowerShell.Infrastructure;

/// <summary>
/// Lets -Region take what AWS Tools users pass: a name, or a RegionEndpoint object of any AWSSDK.Core
/// (its SystemName is used). Lists are transformed item by item.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class RegionTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            null => null,
            string text => text,
            System.Collections.IEnumerable items => items.Cast<object?>().Select(item => Transform(engineIntrinsics, item)).ToArray(),
            _ => value.GetType().GetProperty("SystemName")?.GetValue(value) as string ?? value.ToString(),
        };
    }
}
