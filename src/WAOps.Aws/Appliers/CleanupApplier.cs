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
/// Carries out one planned cleanup write (the Applier of idle cleanup). It first reads the resource again and lets the planner re-check it (still
/// in scope, still in the state the action needs, still marked and due): what changed since the plan is skipped, and
/// a resource that is gone fails with AWS's NotFound error. Deletes and RDS stops are preceded by a snapshot that must
/// reach completed/available within the snapshot timeout (polled, cancellable), or the resource is kept. Deletion,
/// termination and stop protection are honoured, never turned off. Snapshots are tagged waops:backup-of=&lt;id&gt; and
/// carry the resource's own tags (except aws:* and waops:*).
/// </summary>
public sealed class CleanupApplier : IChangeApplier<CleanupPlanItem>
{
    /// <summary>A resource takes at most 50 tags: 49 copied ones and waops:backup-of.</summary>
    private const int MaxCopiedTags = 49;

    private readonly IdleResourceReader _reader;
    private readonly CleanupOptions _options;
    private readonly Func<DateTimeOffset> _clock;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public CleanupApplier(IdleResourceReader reader, CleanupOptions options, Func<DateTimeOffset>? clock = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _reader = reader;
        _options = options;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        _delay = delay ?? Task.Delay;
    }

    /// <summary>Heard before each step of a long action ("snapshot snap-0abc: pending, 40%").</summary>
    public Action<string>? OnStep { get; init; }

    public async Task<ApplyResult> ApplyAsync(PlannedChange<CleanupPlanItem> change, CancellationToken cancellationToken)
    {
        var item = change.Operation!;
        if (!item.IsWrite)
        {
            throw new ArgumentException($"{item} is not a write.", nameof(item));
        }

        var fresh = await _reader.ReadAsync(item.Resource, cancellationToken).ConfigureAwait(false);
        if (CleanupPlanner.Recheck(item, fresh, _options, _clock()) is { } changed)
        {
            return ApplyResult.Skipped(changed);
        }

        return (item.Action, fresh) switch
        {
            (IdleAction.Mark, _) => await MarkAsync(fresh, item.CleanupAfter!.Value, cancellationToken).ConfigureAwait(false),
            (IdleAction.Unmark, _) => await UnmarkAsync(fresh, cancellationToken).ConfigureAwait(false),
            (IdleAction.Stop, Ec2InstanceResource instance) => await StopInstanceAsync(instance, cancellationToken).ConfigureAwait(false),
            (IdleAction.Terminate, Ec2InstanceResource instance) => await TerminateInstanceAsync(instance, cancellationToken).ConfigureAwait(false),
            (IdleAction.SnapshotThenDelete, EbsVolumeResource volume) => await DeleteVolumeAsync(volume, cancellationToken).ConfigureAwait(false),
            (IdleAction.Delete, EbsSnapshotResource snapshot) => await Ec2Async("DeleteSnapshot", (ec2, ct) => ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot.Id }, ct), cancellationToken).ConfigureAwait(false),
            (IdleAction.Release, ElasticIpResource address) => await ReleaseAddressAsync(address, cancellationToken).ConfigureAwait(false),
            (IdleAction.Delete, NatGatewayResource gateway) => await DeleteNatGatewayAsync(gateway, cancellationToken).ConfigureAwait(false),
            (IdleAction.Delete, LoadBalancerResource balancer) => await DeleteLoadBalancerAsync(balancer, cancellationToken).ConfigureAwait(false),
            (IdleAction.SnapshotThenStop, DbInstanceResource database) => await SnapshotDatabaseThenAsync(database, stop: true, cancellationToken).ConfigureAwait(false),
            (IdleAction.SnapshotThenDelete, DbInstanceResource database) => await SnapshotDatabaseThenAsync(database, stop: false, cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"No way to {item.Action} a {fresh.Kind}."),
        };
    }

    private async Task<ApplyResult> MarkAsync(IdleResource resource, DateOnly due, CancellationToken cancellationToken)
    {
        var value = CleanupTags.FormatDate(due);
        switch (resource)
        {
            case LoadBalancerResource:
                await _reader.Elb.AddTagsAsync(new Elb.AddTagsRequest { ResourceArns = new() { resource.Arn }, Tags = new() { new Elb.Tag { Key = CleanupTags.CleanupAfterKey, Value = value } } },
                    cancellationToken).ConfigureAwait(false);
                break;
            case DbInstanceResource:
                await _reader.Rds.AddTagsToResourceAsync(new Rds.AddTagsToResourceRequest { ResourceName = resource.Arn, Tags = new() { new Rds.Tag { Key = CleanupTags.CleanupAfterKey, Value = value } } },
                    cancellationToken).ConfigureAwait(false);
                break;
            default:
                await Ec2Async("CreateTags", (ec2, ct) => ec2.CreateTagsAsync(new CreateTagsRequest { Resources = new() { resource.Id }, Tags = new() { new Tag(CleanupTags.CleanupAfterKey, value) } }, ct),
                    cancellationToken).ConfigureAwait(false);
                break;
        }

        return ApplyResult.Completed($"tagged {CleanupTags.CleanupAfterKey}={value}");
    }

    private async Task<ApplyResult> UnmarkAsync(IdleResource resource, CancellationToken cancellationToken)
    {
        // Every spelling of the mark goes, so a later run does not read an old one.
        var keys = resource.Tags.Keys.Where(k => string.Equals(k.Trim(), CleanupTags.CleanupAfterKey, StringComparison.OrdinalIgnoreCase)).ToList();
        switch (resource)
        {
            case LoadBalancerResource:
                await _reader.Elb.RemoveTagsAsync(new Elb.RemoveTagsRequest { ResourceArns = new() { resource.Arn }, TagKeys = keys }, cancellationToken).ConfigureAwait(false);
                break;
            case DbInstanceResource:
                await _reader.Rds.RemoveTagsFromResourceAsync(new Rds.RemoveTagsFromResourceRequest { ResourceName = resource.Arn, TagKeys = keys }, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await Ec2Async("DeleteTags", (ec2, ct) => ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = new() { resource.Id }, Tags = keys.Select(k => new Tag { Key = k }).ToList() }, ct),
                    cancellationToken).ConfigureAwait(false);
                break;
        }

        return ApplyResult.Completed($"removed {string.Join(", ", keys)}");
    }

    private async Task<ApplyResult> StopInstanceAsync(Ec2InstanceResource instance, CancellationToken cancellationToken)
    {
        try
        {
            await _reader.Ec2Calls(cancellationToken).RunAsync("StopInstances", ct => _reader.Ec2Writes.StopInstancesAsync(new StopInstancesRequest { InstanceIds = new() { instance.Id } }, ct))
                .ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode is "OperationNotPermitted" or "UnsupportedOperation")
        {
            return ApplyResult.Skipped($"AWS refused to stop it ({ex.ErrorCode}: {ex.ServiceMessage}); stop protection and the like are never turned off");
        }

        return ApplyResult.Completed("StopInstances accepted");
    }

    private async Task<ApplyResult> TerminateInstanceAsync(Ec2InstanceResource instance, CancellationToken cancellationToken)
    {
        var calls = _reader.Ec2Calls(cancellationToken);
        var attribute = await calls.RunAsync("DescribeInstanceAttribute", ct => _reader.Ec2.DescribeInstanceAttributeAsync(
            new DescribeInstanceAttributeRequest { InstanceId = instance.Id, Attribute = InstanceAttributeName.DisableApiTermination }, ct)).ConfigureAwait(false);
        if (attribute.InstanceAttribute?.DisableApiTermination == true)
        {
            return ApplyResult.Skipped("termination protection is on (DisableApiTermination); WAOps never turns it off");
        }

        // The EBS volumes that go with the instance are snapshotted first, like any other volume WAOps deletes.
        var backups = new List<string>();
        foreach (var volume in instance.Volumes.Where(v => v.DeleteOnTermination))
        {
            backups.Add(await SnapshotVolumeAsync(volume.VolumeId, instance, cancellationToken).ConfigureAwait(false));
        }

        try
        {
            await calls.RunAsync("TerminateInstances", ct => _reader.Ec2Writes.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = new() { instance.Id } }, ct)).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode is "OperationNotPermitted")
        {
            return ApplyResult.Skipped($"AWS refused to terminate it ({ex.ErrorCode}: {ex.ServiceMessage}); protection is never turned off", backups);
        }

        return ApplyResult.Completed(backups.Count == 0 ? "no EBS volume is deleted with it" : $"snapshots {string.Join(", ", backups)} of its volumes completed first", backups);
    }

    private async Task<ApplyResult> DeleteVolumeAsync(EbsVolumeResource volume, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotVolumeAsync(volume.Id, volume, cancellationToken).ConfigureAwait(false);
        await Ec2Async("DeleteVolume", (ec2, ct) => ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.Id }, ct), cancellationToken).ConfigureAwait(false);
        return ApplyResult.Completed($"snapshot {snapshot} completed before the volume was deleted", new[] { snapshot });
    }

    private async Task<ApplyResult> ReleaseAddressAsync(ElasticIpResource address, CancellationToken cancellationToken)
    {
        var note = "released";
        if (address.AssociationId is { } association)
        {
            // Associated with a stopped instance: AWS releases only an address that is not associated.
            await Ec2Async("DisassociateAddress", (ec2, ct) => ec2.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = association }, ct), cancellationToken).ConfigureAwait(false);
            note = $"disassociated from {address.InstanceId}, then released";
        }

        await Ec2Async("ReleaseAddress", (ec2, ct) => ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = address.Id }, ct), cancellationToken).ConfigureAwait(false);
        return ApplyResult.Completed(note);
    }

    private async Task<ApplyResult> DeleteNatGatewayAsync(NatGatewayResource gateway, CancellationToken cancellationToken)
    {
        await Ec2Async("DeleteNatGateway", (ec2, ct) => ec2.DeleteNatGatewayAsync(new DeleteNatGatewayRequest { NatGatewayId = gateway.Id }, ct), cancellationToken).ConfigureAwait(false);
        return ApplyResult.Completed(gateway.AllocationIds.Count == 0
            ? "DeleteNatGateway accepted"
            : $"DeleteNatGateway accepted; its Elastic IP {string.Join(", ", gateway.AllocationIds)} stays allocated (a later run can release it)");
    }

    private async Task<ApplyResult> DeleteLoadBalancerAsync(LoadBalancerResource balancer, CancellationToken cancellationToken)
    {
        try
        {
            await _reader.Elb.DeleteLoadBalancerAsync(new Elb.DeleteLoadBalancerRequest { LoadBalancerArn = balancer.Arn }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode is "OperationNotPermitted")
        {
            return ApplyResult.Skipped($"deletion protection is on ({ex.ServiceMessage}); WAOps never turns it off");
        }

        return ApplyResult.Completed("its target groups are kept");
    }

    private async Task<ApplyResult> SnapshotDatabaseThenAsync(DbInstanceResource database, bool stop, CancellationToken cancellationToken)
    {
        var identifier = SnapshotName(database.Id);
        var tags = CleanupTags.CopyableTags(database.Tags).Take(MaxCopiedTags).Select(t => new Rds.Tag { Key = t.Key, Value = t.Value })
            .Append(new Rds.Tag { Key = CleanupTags.BackupOfKey, Value = database.Id }).ToList();
        OnStep?.Invoke($"{database.Id}: creating DB snapshot {identifier}");
        await _reader.Rds.CreateDBSnapshotAsync(new Rds.CreateDBSnapshotRequest { DBInstanceIdentifier = database.Id, DBSnapshotIdentifier = identifier, Tags = tags }, cancellationToken)
            .ConfigureAwait(false);
        await WaitAsync(identifier, database, async ct =>
        {
            var snapshot = (await _reader.Rds.DescribeDBSnapshotsAsync(new Rds.DescribeDBSnapshotsRequest { DBSnapshotIdentifier = identifier }, ct).ConfigureAwait(false)).DBSnapshots.FirstOrDefault();
            return (snapshot?.Status ?? "missing", snapshot?.PercentProgress);
        }, done: "available", failed: new[] { "failed", "incompatible-restore", "incompatible-parameters" }, cancellationToken).ConfigureAwait(false);

        if (stop)
        {
            await _reader.Rds.StopDBInstanceAsync(new Rds.StopDBInstanceRequest { DBInstanceIdentifier = database.Id }, cancellationToken).ConfigureAwait(false);
            return ApplyResult.Completed($"DB snapshot {identifier} available before the stop; AWS starts a stopped instance again after 7 days", new[] { identifier });
        }

        try
        {
            // Our snapshot is verified available, so no final snapshot is needed; automated backups are kept until they expire.
            await _reader.Rds.DeleteDBInstanceAsync(new Rds.DeleteDBInstanceRequest { DBInstanceIdentifier = database.Id, SkipFinalSnapshot = true, DeleteAutomatedBackups = false },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == "InvalidParameterCombination" && ex.ServiceMessage.Contains("protect", StringComparison.OrdinalIgnoreCase))
        {
            return ApplyResult.Skipped($"deletion protection is on ({ex.ServiceMessage}); WAOps never turns it off", new[] { identifier });
        }
        catch (AwsServiceException ex) when (ex.IsNotFoundAfterOwnEarlierAttempt)
        {
            // Deleted by the earlier attempt, whose answer was lost.
        }

        return ApplyResult.Completed($"DB snapshot {identifier} available before the delete", new[] { identifier });
    }

    private async Task<string> SnapshotVolumeAsync(string volumeId, IdleResource owner, CancellationToken cancellationToken)
    {
        var tags = CleanupTags.CopyableTags(owner.Tags).Take(MaxCopiedTags).Select(t => new Tag(t.Key, t.Value))
            .Append(new Tag(CleanupTags.BackupOfKey, owner.Id == volumeId ? volumeId : $"{owner.Id}/{volumeId}")).ToList();
        OnStep?.Invoke($"{owner.Id}: snapshotting {volumeId}");
        var created = await _reader.Ec2Calls(cancellationToken).RunAsync("CreateSnapshot", ct => _reader.Ec2Writes.CreateSnapshotAsync(new CreateSnapshotRequest
        {
            VolumeId = volumeId,
            Description = $"Invoke-WAIdleCleanup backup of {volumeId} before deletion",
            TagSpecifications = new() { new TagSpecification { ResourceType = ResourceType.Snapshot, Tags = tags } },
        }, ct)).ConfigureAwait(false);
        var snapshotId = created.Snapshot.SnapshotId;
        await WaitAsync(snapshotId, owner, async ct =>
        {
            var response = await _reader.Ec2Calls(ct).RunAsync("DescribeSnapshots", c => _reader.Ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = new() { snapshotId } }, c))
                .ConfigureAwait(false);
            var snapshot = (response.Snapshots ?? new()).FirstOrDefault();
            return (snapshot?.State?.Value ?? "missing", ParsePercent(snapshot?.Progress));
        }, done: "completed", failed: new[] { "error", "missing" }, cancellationToken).ConfigureAwait(false);
        return snapshotId;
    }

    private Task WaitAsync(string snapshot, IdleResource owner, Func<CancellationToken, Task<(string State, int? Percent)>> read, string done, string[] failed, CancellationToken cancellationToken) =>
        new SnapshotWaiter(_options.SnapshotTimeout, _clock, _delay, OnStep).WaitAsync(snapshot, owner, read, done, failed, cancellationToken);

    private async Task<ApplyResult> Ec2Async<T>(string operation, Func<AmazonEC2Client, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            await _reader.Ec2Calls(cancellationToken).RunAsync(operation, ct => call(_reader.Ec2Writes, ct)).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.IsNotFoundAfterOwnEarlierAttempt)
        {
            // The earlier attempt deleted or released it and its answer was lost; the retry finds it gone. Done once,
            // as a run without the lost answer would report it. (Gone before the first attempt stays a failure.)
        }

        return ApplyResult.Completed();
    }

    private static int? ParsePercent(string? progress) =>
        progress is not null && int.TryParse(progress.TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An RDS snapshot identifier: letters, digits and single hyphens, beginning with a letter, at most 255 characters.</summary>
    internal static string SnapshotName(string databaseId)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var name = $"waops-{databaseId}-{stamp}";
        while (name.Contains("--", StringComparison.Ordinal))
        {
            name = name.Replace("--", "-", StringComparison.Ordinal);
        }

        return name.Length <= 255 ? name : name[..255].TrimEnd('-');
    }
}
