using System.Text.Json;
using WAOps.Engine.Inventory;
using WAOps.Aws.Cleanup;
using WAOps.Aws.Protocol;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Cleanup;

namespace WAOps.Aws.Tests.Cleanup;

/// <summary>The ids tests/Support/seed/idle.py scenario created (instances.idle, volumes.idle, lb.empty, ...).</summary>
public sealed class IdleScenario
{
    private readonly JsonElement _ids;

    private IdleScenario(MotoServer server, JsonElement ids)
    {
        Server = server;
        _ids = ids;
    }

    public MotoServer Server { get; }

    public string this[string kind, string name] => _ids.GetProperty(kind).GetProperty(name).GetString()!;

    /// <summary>Resets moto and seeds the scenario (a few seconds).</summary>
    public static IdleScenario Seed(MotoServer server)
    {
        server.Reset();
        return new IdleScenario(server, ExternalTools.Seed(server.Endpoint, "idle.py", "scenario")!.Value);
    }

    public JsonElement Cli(params string[] arguments) => ExternalTools.AwsCli(Server.Endpoint, TestCredentials.Region, arguments) ?? default;

    public IdleResourceReader Reader(IAwsCallObserver? observer = null) =>
        new(TestSessions.For(Server, options: observer is null ? null : new AwsCallOptions { Observer = observer }), TestCredentials.MotoAccountId);

    /// <summary>Every kind, listed with target health for all load balancers.</summary>
    public async Task<IReadOnlyList<IdleResource>> ListAsync(IdleResourceReader reader)
    {
        var failures = new List<CollectionFailure>();
        var resources = await reader.ListAsync(Enum.GetValues<IdleResourceKind>().ToHashSet(), _ => true, null, failures.Add, CancellationToken.None);
        if (failures.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", failures.Select(f => $"{f.Listing}: {f.Error.Message}")));
        }

        return resources;
    }
}

/// <summary>Records the operations of every call as they complete, and runs a hook on chosen ones (to look at AWS at that moment).</summary>
public sealed class RecordingObserver : IAwsCallObserver
{
    private readonly object _gate = new();

    public List<string> Operations { get; } = new();

    public Action<AwsAttemptRecord>? OnCall { get; set; }

    public void OnAttemptCompleted(AwsAttemptRecord attempt)
    {
        lock (_gate)
        {
            Operations.Add(attempt.Operation);
        }

        OnCall?.Invoke(attempt);
    }

    public void OnRetryScheduled(AwsRetryRecord retry)
    {
    }
}
