using WAOps.Aws.Protocol;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Services.CloudWatch.Model;
using WAOps.Aws.Session;
using WAOps.Engine.Dashboards;
using WAOps.Engine.Errors;
using WAOps.Engine.Planning;

namespace WAOps.Aws.Monitoring;

/// <summary>
/// Reads dashboards (GetDashboard; a missing one is null) and the numbered dashboards named after a workload
/// (ListDashboards by prefix), and applies the dashboard planner's changes: PutDashboard, whose validation
/// problems become one plain error (InvalidDashboardBody) naming each problem and where it is in the body, and
/// DeleteDashboards for numbered dashboards the workload no longer needs.
/// </summary>
public sealed class DashboardGateway : IDashboardStore
{
    public DashboardGateway(AwsSession session)
    {
        Client = new CloudWatchClient(session);
    }

    public CloudWatchClient Client { get; }

    public async Task<string?> GetBodyAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await Client.GetDashboardAsync(new GetDashboardRequest { DashboardName = name }, cancellationToken).ConfigureAwait(false)).DashboardBody;
        }
        catch (AwsServiceException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>The names of existing dashboards that are numbered parts (name-2, name-3, ...) of <paramref name="baseName"/>.</summary>
    public async Task<IReadOnlyList<string>> ListPartNamesAsync(string baseName, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var entry in Client.ListAllDashboardsAsync(baseName + "-", cancellationToken).ConfigureAwait(false))
        {
            if (entry.DashboardName is { } name && DashboardNames.TryParsePart(name, baseName, out _))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Carries out one planned change; the warnings PutDashboard gave with a success are its note ("; " between them).</summary>
    public async Task<ApplyResult> ApplyAsync(PlannedChange<DashboardOperation> change, CancellationToken cancellationToken)
    {
        switch (change.Operation)
        {
            case PutDashboardOperation put:
                try
                {
                    var response = await Client.PutDashboardAsync(new PutDashboardRequest { DashboardName = put.Dashboard.Name, DashboardBody = put.Dashboard.Body }, cancellationToken).ConfigureAwait(false);
                    var warnings = response.DashboardValidationMessages
                        .Select(m => string.IsNullOrEmpty(m.DataPath) ? m.Message ?? string.Empty : $"{m.DataPath}: {m.Message}")
                        .ToList();
                    return ApplyResult.Completed(warnings.Count == 0 ? null : string.Join("; ", warnings));
                }
                catch (AwsServiceException ex) when (ex.ErrorCode == "InvalidParameterInput")
                {
                    throw InvalidBody(put.Dashboard.Name, ex);
                }

            case DeleteDashboardOperation delete:
                try
                {
                    await Client.DeleteDashboardsAsync(new DeleteDashboardsRequest { DashboardNames = new() { delete.Name } }, cancellationToken).ConfigureAwait(false);
                }
                catch (AwsServiceException ex) when (ex.IsNotFound)
                {
                    // Already gone.
                }

                return ApplyResult.Completed();

            default:
                throw new InvalidOperationException($"'{change}' carries no dashboard operation to apply.");
        }
    }

    /// <summary>PutDashboard's InvalidParameterInput in plain words: what CloudWatch said, and each problem with its place in the body.</summary>
    public static WAOpsException InvalidBody(string name, AwsServiceException error)
    {
        var problems = error.Details.Count > 0
            ? " Problems: " + string.Join("; ", error.Details.Select(Plain)) + "."
            : string.Empty;
        return new WAOpsException(DashboardErrorIds.InvalidDashboardBody, ErrorKind.InvalidData,
            $"CloudWatch refused the body of dashboard '{name}': {error.ServiceMessage.Trim().TrimEnd('.')}.{problems} The dashboard was not changed (request id {error.RequestId ?? "unknown"}).",
            name, error)
        { RecommendedAction = "Check the named widgets; a metric that does not exist in the region or an alarm ARN of another account are the usual causes. Run with -PassThru -WhatIf to see the body." };
    }

    /// <summary>"/widgets/3/properties/metrics/0: Should NOT have more than 2 items" -> "widget 4, metrics line 1: Should NOT have more than 2 items".</summary>
    private static string Plain(string detail)
    {
        var colon = detail.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || !detail.StartsWith('/'))
        {
            return detail;
        }

        var path = detail[..colon].Trim('/').Split('/');
        var words = new List<string>();
        for (var i = 0; i < path.Length; i++)
        {
            var isIndex = i + 1 < path.Length && int.TryParse(path[i + 1], out _);
            if (isIndex)
            {
                var n = int.Parse(path[i + 1], System.Globalization.CultureInfo.InvariantCulture) + 1;
                words.Add(path[i] switch { "widgets" => $"widget {n}", "metrics" => $"metrics line {n}", "alarms" => $"alarm {n}", _ => $"{path[i]} item {n}" });
                i++;
            }
            else if (path[i] != "properties")
            {
                words.Add(path[i]);
            }
        }

        return (words.Count == 0 ? "the body" : string.Join(", ", words)) + detail[colon..];
    }
}
