using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;
using WAOps.Aws.Session;
using WAOps.Engine.Errors;
using WAOps.Engine.Runs;
using WAOps.Engine.Templates;

namespace WAOps.PowerShell.Commands;

/// <summary>
/// -TemplatePath: judges CloudFormation templates and Terraform plans with the same rules and run, without calling AWS.
/// AWS::Region is the region a session would have (-Region, $StoredAWSRegion, the profile, AWS_REGION), else us-east-1.
/// </summary>
public sealed partial class TestWAQualityGateCommand
{
    private void JudgeTemplates(QualityGateRun run)
    {
        var readOptions = new TemplateReadOptions
        {
            Region = Checked(() => AwsSessionResolver.ResolveRegionWithoutCredentials(SessionInput(), TemplateReadOptions.DefaultRegion, WriteVerbose)),
            Parameters = TemplateParameters(),
        };
        var paths = ResolveTemplatePaths();
        Checked(() =>
        {
            run.ExecuteTemplates(paths, readOptions, AsRunHost());
            return true;
        });
    }

    /// <summary>-TemplatePath entries resolved (wildcards allowed); a path that matches nothing is TemplateNotFound.</summary>
    private List<string> ResolveTemplatePaths()
    {
        var paths = new List<string>();
        foreach (var entry in TemplatePath!)
        {
            if (WildcardPattern.ContainsWildcardCharacters(entry))
            {
                Collection<string>? matched = null;
                try
                {
                    matched = SessionState.Path.GetResolvedProviderPathFromPSPath(entry, out _);
                }
                catch (ItemNotFoundException)
                {
                }

                if (matched is null || matched.Count == 0)
                {
                    Terminate(TemplateErrorIds.TemplateNotFound, ErrorKind.ObjectNotFound, $"-TemplatePath '{entry}' matches no file.", entry);
                }

                paths.AddRange(matched!.Where(File.Exists));
            }
            else
            {
                paths.Add(ResolvePath(entry));
            }
        }

        return paths.Distinct(StringComparer.Ordinal).ToList();
    }

    private Dictionary<string, string> TemplateParameters()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in TemplateParameter ?? new Hashtable())
        {
            var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            values[entry.Key.ToString()!] = value switch
            {
                null => string.Empty,
                bool flag => flag ? "true" : "false",
                string text => text,
                IEnumerable list => string.Join(",", list.Cast<object?>().Select(i => i is PSObject p ? p.BaseObject : i)),
                IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString() ?? string.Empty,
            };
        }

        return values;
    }
}
