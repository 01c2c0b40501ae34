using System.Text.Json;
using WAOps.Aws.Tests.Support;

// Usage: WAOps.FaultProxy --target http://127.0.0.1:5000 [--rate 0.2] [--seed 7] [--faults throttle,http500,http503,reset,reset-after,slow]
//                         [--slow-ms 300] [--stats-file path] [--match regex] [--keep-answers regex] [--target-health state]
// With --match only requests whose "METHOD path X-Amz-Target body" matches the regex can get a fault (for example
// 'Action=ReleaseAddress' or 'AWSBudgetServiceGateway'); the others are always forwarded untouched. With --keep-answers
// a matching request drawn for reset-after is reset before it is forwarded instead, so its answer is never lost after
// the server acted on it (for requests moto cannot serve twice alike). Prints "listening <url>" once ready, then proxies until stdin closes (or the process is stopped). With
// --stats-file it rewrites a JSON count of requests per fault after every request. With --target-health every
// DescribeTargetHealth answer reports its targets in that state (initial, unhealthy, unavailable, ...) as AWS would.
var options = ParseArguments(args);
if (!options.TryGetValue("target", out var target))
{
    Console.Error.WriteLine("--target <moto endpoint> is required.");
    return 2;
}

var rate = options.TryGetValue("rate", out var rateText) ? double.Parse(rateText, System.Globalization.CultureInfo.InvariantCulture) : 0.0;
var seed = options.TryGetValue("seed", out var seedText) ? int.Parse(seedText, System.Globalization.CultureInfo.InvariantCulture) : 1;
var faults = (options.TryGetValue("faults", out var faultText) ? faultText : "throttle,http500,http503,reset,slow")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(name => name switch
    {
        "throttle" => InjectedFault.Throttle,
        "http500" => InjectedFault.Http500,
        "http503" => InjectedFault.Http503,
        "reset" => InjectedFault.ConnectionReset,
        "reset-after" => InjectedFault.ResetAfterForward,
        "slow" => InjectedFault.Slow,
        _ => throw new ArgumentException($"Unknown fault '{name}'."),
    })
    .ToArray();
var slow = TimeSpan.FromMilliseconds(options.TryGetValue("slow-ms", out var slowText) ? int.Parse(slowText, System.Globalization.CultureInfo.InvariantCulture) : 300);
options.TryGetValue("stats-file", out var statsFile);

var atRate = FaultInjectingProxy.AtRate(rate, seed, faults);
var match = options.TryGetValue("match", out var pattern) ? new System.Text.RegularExpressions.Regex(pattern) : null;
Func<int, CapturedRequest, InjectedFault> policy = match is null
    ? atRate
    : (n, request) => match.IsMatch(Describe(request)) ? atRate(n, request) : InjectedFault.None;
if (options.TryGetValue("keep-answers", out var keepPattern))
{
    var keep = new System.Text.RegularExpressions.Regex(keepPattern);
    var drawn = policy;
    policy = (n, request) => drawn(n, request) is var fault && fault == InjectedFault.ResetAfterForward && keep.IsMatch(Describe(request))
        ? InjectedFault.ConnectionReset
        : fault;
}

FaultInjectingProxy? proxy = null;
var statsGate = new object();
proxy = new FaultInjectingProxy(new Uri(target), (n, request) =>
{
    var fault = policy(n, request);
    if (statsFile is not null)
    {
        // Written after the decision so the file always reflects every request decided so far.
        lock (statsGate)
        {
            var counts = proxy!.FaultCounts.ToDictionary(p => p.Key.ToString(), p => p.Value);
            counts[fault.ToString()] = counts.GetValueOrDefault(fault.ToString()) + 1;
            File.WriteAllText(statsFile, JsonSerializer.Serialize(counts));
        }
    }

    return fault;
})
{
    SlowDelay = slow,
    RewriteAnswer = options.TryGetValue("target-health", out var targetHealth)
        ? (request, body) => request.BodyText.Contains("Action=DescribeTargetHealth", StringComparison.Ordinal) ? AwsTargetHealth.Rewrite(body, targetHealth) : null
        : null,
};

Console.WriteLine($"listening {proxy.Endpoint}");
Console.Out.Flush();
while (Console.In.Read() >= 0)
{
}

proxy.Dispose();
return 0;

static string Describe(CapturedRequest request) => $"{request.Method} {request.PathAndQuery} {request.Header("x-amz-target")} {request.BodyText}";

static Dictionary<string, string> ParseArguments(string[] args)
{
    var parsed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        parsed[args[i].TrimStart('-')] = args[i + 1];
    }

    return parsed;
}
