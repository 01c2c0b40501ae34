using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace WAOps.Aws.Tests.Support;

/// <summary>One canned answer of a <see cref="ScriptedEndpoint"/>.</summary>
public sealed record ScriptedAnswer(int Status, string ContentType, string Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// Records every request and answers them in turn with a script of answers (the last one repeats), for what moto does
/// not do: pages of a paginated listing, or an error shaped as AWS documents it.
/// </summary>
public sealed class ScriptedEndpoint : LoopbackHttpServer
{
    private readonly IReadOnlyList<ScriptedAnswer> _answers;
    private int _next;

    public ScriptedEndpoint(params ScriptedAnswer[] answers)
    {
        if (answers.Length == 0)
        {
            throw new ArgumentException("A script needs at least one answer.", nameof(answers));
        }

        _answers = answers;
    }

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    protected override Task HandleAsync(HttpContext context, byte[] body)
    {
        Requests.Enqueue(Capture(context, body));
        var answer = _answers[Math.Min(Interlocked.Increment(ref _next) - 1, _answers.Count - 1)];
        return RespondAsync(context, answer.Status, answer.ContentType, answer.Body, answer.Headers);
    }
}
