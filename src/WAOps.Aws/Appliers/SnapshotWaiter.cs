using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;
using WAOps.Aws.Cleanup;
using WAOps.Aws.Protocol;
using WAOps.Engine.Cleanup;
using WAOps.Engine.Errors;
using WAOps.Engine.Planning;
using Elb = WAOps.Aws.Services.ElasticLoadBalancingV2.Model;
using Rds = WAOps.Aws.Services.Rds.Model;

namespace WAOps.Aws.Appliers;

/// <summary>
/// Polls a snapshot until it is done, failed, or the timeout passes (polls 2 s apart, doubling to 15 s; cancellable).
/// Only a done snapshot returns; a failed or late one throws, so the resource it protects is kept.
/// </summary>
internal sealed class SnapshotWaiter
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(15);

    private readonly TimeSpan _timeout;
    private readonly Func<DateTimeOffset> _clock;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly Action<string>? _onStep;

    public SnapshotWaiter(TimeSpan timeout, Func<DateTimeOffset> clock, Func<TimeSpan, CancellationToken, Task> delay, Action<string>? onStep)
    {
        _timeout = timeout;
        _clock = clock;
        _delay = delay;
        _onStep = onStep;
    }

    public async Task WaitAsync(string snapshot, IdleResource owner, Func<CancellationToken, Task<(string State, int? Percent)>> read, string done, string[] failed, CancellationToken cancellationToken)
    {
        var started = _clock();
        var pause = FirstPoll;
        while (true)
        {
            var (state, percent) = await read(cancellationToken).ConfigureAwait(false);
            if (state == done)
            {
                return;
            }

            if (failed.Contains(state))
            {
                throw new WAOpsException(CleanupErrorIds.SnapshotFailed, ErrorKind.ResourceUnavailable,
                    $"The snapshot {snapshot} of {owner.Kind} {owner.Id} is {state}; {owner.Id} was kept.", owner.Arn)
                { RecommendedAction = "Look at the snapshot in the console; the next run tries again." };
            }

            if (_clock() - started >= _timeout)
            {
                throw new WAOpsException(CleanupErrorIds.SnapshotNotCompleted, ErrorKind.OperationTimeout,
                    $"The snapshot {snapshot} of {owner.Kind} {owner.Id} is still {state}{(percent is { } p ? $" ({p}%)" : string.Empty)} after "
                    + $"{_timeout.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} minute(s); {owner.Id} was kept. The snapshot goes on.", owner.Arn)
                { RecommendedAction = "Raise -SnapshotTimeoutMinutes, or let a later run act once snapshots are quicker (EBS snapshots are incremental)." };
            }

            _onStep?.Invoke($"{owner.Id}: snapshot {snapshot} {state}{(percent is { } pc ? $", {pc}%" : string.Empty)}");
            await _delay(pause, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(LongestPoll.Ticks, pause.Ticks * 2));
        }
    }
}
