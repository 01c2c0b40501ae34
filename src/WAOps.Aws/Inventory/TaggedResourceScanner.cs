using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using WAOps.Aws.Collection;
using WAOps.Aws.Inventory.Discovery;
using WAOps.Aws.Services.ResourceGroupsTagging;
using WAOps.Aws.Services.ResourceGroupsTagging.Model;
using WAOps.Aws.Services.Sts;
using WAOps.Aws.Session;
using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;
using WAOps.Engine.Tags;

namespace WAOps.Aws.Inventory;

/// <summary>
/// Streams every resource of the requested regions with its tags. Per region, GetResources (100 per page)
/// streams out as pages arrive; meanwhile the covered kinds are listed through their own services, in
/// parallel under one bound. When all listings are done, the resources the Tagging API did not report
/// (never tagged) follow, marked as found by the service API. Each ARN is reported once. A listing that
/// fails is reported to <c>onFailure</c> and the scan goes on; cancellation stops everything.
/// </summary>
public static class TaggedResourceScanner
{
    public static async IAsyncEnumerable<InventoryResource> ScanAsync(
        AwsSession session,
        TagScanRequest request,
        Action<CollectionProgress>? onProgress,
        Action<CollectionFailure>? onFailure,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in ScanBatchesAsync(session, request, onProgress, onFailure, cancellationToken).ConfigureAwait(false))
        {
            foreach (var resource in batch)
            {
                yield return resource;
            }
        }
    }

    /// <summary>
    /// The same scan as <see cref="ScanAsync"/>, handed over a page at a time: a caller that passes results to
    /// another thread (a cmdlet's pipeline thread) then pays one hand-over per page instead of one per resource.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<InventoryResource>> ScanBatchesAsync(
        AwsSession session,
        TagScanRequest request,
        Action<CollectionProgress>? onProgress,
        Action<CollectionFailure>? onFailure,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Bounded so a slow consumer holds back the listings: at most this many pages wait in memory.
        var channel = Channel.CreateBounded<IReadOnlyList<InventoryResource>>(new BoundedChannelOptions(MaxBatchesWaiting) { SingleReader = true });
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await new Scan(session, request, channel.Writer, onProgress, onFailure).RunAsync(linked.Token).ConfigureAwait(false);
                channel.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                channel.Writer.TryComplete(ex);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return batch;
            }
        }
        finally
        {
            // A consumer that stops early (Select -First) must not leave listings running.
            linked.Cancel();
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>How many pages of resources may wait for a slow consumer.</summary>
    private const int MaxBatchesWaiting = 64;

    private sealed class Scan
    {
        private readonly AwsSession _session;
        private readonly TagScanRequest _request;
        private readonly ChannelWriter<IReadOnlyList<InventoryResource>> _writer;
        private readonly Action<CollectionFailure>? _onFailure;
        private readonly CollectionRunner _runner;
        private readonly ConcurrentDictionary<string, byte> _reported = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<(IResourceDiscoverer Discoverer, DiscoveryContext Context, InventoryResource Resource)> _discovered = new();

        public Scan(AwsSession session, TagScanRequest request, ChannelWriter<IReadOnlyList<InventoryResource>> writer, Action<CollectionProgress>? onProgress, Action<CollectionFailure>? onFailure)
        {
            _session = session;
            _request = request;
            _writer = writer;
            _onFailure = onFailure;
            _runner = new CollectionRunner(request.MaxConcurrency) { OnFailure = onFailure, OnProgress = onProgress };
        }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var discoverers = _request.IncludeServiceDiscovery && _request.TagFilters.Count == 0
                ? DiscovererCatalog.Matching(_request.ResourceTypes)
                : Array.Empty<IResourceDiscoverer>();
            var accountId = discoverers.Count > 0
                ? (await CallerIdentityGateway.GetAsync(_session, cancellationToken).ConfigureAwait(false)).Account
                : string.Empty;

            var work = new List<CollectionWork>();
            foreach (var region in _request.Regions)
            {
                var regional = _session.WithRegion(region);
                work.Add(new CollectionWork(region, "GetResources", ct => StreamTaggingApiAsync(regional, ct)));
                foreach (var discoverer in discoverers.Where(d => !d.IsGlobal))
                {
                    var context = new DiscoveryContext(regional, accountId);
                    work.Add(new CollectionWork(region, discoverer.ResourceType, ct => DiscoverAsync(discoverer, context, ct)));
                }
            }

            foreach (var discoverer in discoverers.Where(d => d.IsGlobal))
            {
                var context = new DiscoveryContext(_session.WithRegion(_request.Regions[0]), accountId);
                work.Add(new CollectionWork("global", discoverer.ResourceType, ct => DiscoverAsync(discoverer, context, ct)));
            }

            await _runner.RunAsync(work, cancellationToken).ConfigureAwait(false);
            await ReportNeverTaggedAsync(cancellationToken).ConfigureAwait(false);
        }

        private async Task StreamTaggingApiAsync(AwsSession regional, CancellationToken cancellationToken)
        {
            var template = new GetResourcesRequest
            {
                ResourcesPerPage = ResourceGroupsTaggingClient.MaxResourcesPerPage,
                ResourceTypeFilters = _request.ResourceTypes.Count > 0 ? _request.ResourceTypes.ToList() : null,
                TagFilters = _request.TagFilters.Count > 0
                    ? _request.TagFilters.Select(f => new TagFilter { Key = f.Key, Values = f.Values.Count > 0 ? f.Values.ToList() : null }).ToList()
                    : null,
            };
            await foreach (var page in new ResourceGroupsTaggingClient(regional).GetResourcesPagesAsync(template, cancellationToken).ConfigureAwait(false))
            {
                var batch = new List<InventoryResource>(page.ResourceTagMappingList.Count);
                foreach (var mapping in page.ResourceTagMappingList)
                {
                    if (mapping.ResourceARN is null || !_reported.TryAdd(mapping.ResourceARN, 0))
                    {
                        continue;
                    }

                    var tags = mapping.Tags.ToTagSet();
                    var resource = new InventoryResource(mapping.ResourceARN, regional.Region, tags, DiscoverySource.TaggingApi, tags.TryGetValue("Name", out var name) ? name : null);
                    if (TypeSelected(resource.ResourceType))
                    {
                        batch.Add(resource);
                    }
                }

                await EmitAsync(batch, cancellationToken).ConfigureAwait(false);
                _runner.AddResources(batch.Count, "GetResources " + regional.Region);
            }
        }

        private async Task DiscoverAsync(IResourceDiscoverer discoverer, DiscoveryContext context, CancellationToken cancellationToken)
        {
            foreach (var resource in await discoverer.DiscoverAsync(context, cancellationToken).ConfigureAwait(false))
            {
                _discovered.Enqueue((discoverer, context, resource));
            }
        }

        private async Task ReportNeverTaggedAsync(CancellationToken cancellationToken)
        {
            var regions = new HashSet<string>(_request.Regions, StringComparer.Ordinal);
            var unseen = _discovered.Where(d => !_reported.ContainsKey(d.Resource.Arn)).ToList();
            await EmitAsync(FirstReports(unseen.Where(d => d.Discoverer is not IGlobalResourceDiscoverer).Select(d => d.Resource)), cancellationToken).ConfigureAwait(false);

            // Global kinds (S3) need each resource's region: one lookup per resource the Tagging API did not
            // list, run in parallel under the same bound as the listings.
            var placed = new ConcurrentBag<InventoryResource>();
            await Parallel.ForEachAsync(
                unseen.Where(d => d.Discoverer is IGlobalResourceDiscoverer),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _request.MaxConcurrency), CancellationToken = cancellationToken },
                async (item, ct) =>
                {
                    string region;
                    try
                    {
                        region = await ((IGlobalResourceDiscoverer)item.Discoverer).RegionOfAsync(item.Context, item.Resource, ct).ConfigureAwait(false);
                    }
                    catch (WAOpsException ex) when (!ct.IsCancellationRequested)
                    {
                        _onFailure?.Invoke(CollectionFailure.From(null, "global", $"{item.Discoverer.ResourceType} {item.Resource.ResourceId}", ex));
                        return;
                    }

                    if (regions.Contains(region))
                    {
                        placed.Add(new InventoryResource(item.Resource.Arn, region, item.Resource.Tags, item.Resource.DiscoveredBy, item.Resource.Name));
                    }
                }).ConfigureAwait(false);
            await EmitAsync(FirstReports(placed.OrderBy(r => r.Arn, StringComparer.Ordinal)), cancellationToken).ConfigureAwait(false);
        }

        private bool TypeSelected(string resourceType) =>
            _request.ResourceTypes.Count == 0 || _request.ResourceTypes.Any(filter => DiscovererCatalog.Matches(resourceType, filter));

        /// <summary>The resources whose ARN no listing has reported yet, now marked as reported.</summary>
        private List<InventoryResource> FirstReports(IEnumerable<InventoryResource> resources)
        {
            var first = new List<InventoryResource>();
            foreach (var resource in resources)
            {
                if (_reported.TryAdd(resource.Arn, 0))
                {
                    first.Add(resource);
                }
            }

            return first;
        }

        private async ValueTask EmitAsync(IReadOnlyList<InventoryResource> batch, CancellationToken cancellationToken)
        {
            if (batch.Count == 0)
            {
                return;
            }

            await _writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }
}
