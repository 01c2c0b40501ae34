using System.Text.Json;
using WAOps.Aws.Tests.Support;

namespace WAOps.Aws.Tests.Monitoring;

/// <summary>
/// One moto server per test class with the dashboards.py workload (Project=shop, Environment=prod, in us-east-1)
/// seeded once, plus the resources moto's Tagging API does not list (EventBridge rules, APIs) and a stack.
/// </summary>
public sealed class SeededWorkloadFixture : MotoFixtureBase
{
    private readonly Lazy<(JsonElement Workload, JsonElement Others)> _seeded;

    public SeededWorkloadFixture()
    {
        _seeded = new Lazy<(JsonElement, JsonElement)>(() =>
        {
            var workload = ExternalTools.Seed(Server.Endpoint, "dashboards.py", "workload", "--project", "shop", "--environment", "prod")!.Value;
            var others = ExternalTools.Seed(Server.Endpoint, "dashboards.py", "others")!.Value;
            ExternalTools.Seed(Server.Endpoint, "dashboards.py", "stack", "--name", "billing");
            return (workload, others);
        });
    }

    /// <summary>Seeds on first use; test classes call it from their constructor, after naming the log.</summary>
    public void EnsureSeeded() => _ = _seeded.Value;

    public JsonElement Workload => _seeded.Value.Workload;

    public JsonElement Others => _seeded.Value.Others;

    public string[] Arns(string kind) => Workload.GetProperty(kind).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
