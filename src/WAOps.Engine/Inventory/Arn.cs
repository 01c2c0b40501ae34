namespace WAOps.Engine.Inventory;

/// <summary>
/// An Amazon Resource Name split into its parts: arn:partition:service:region:account:resource. The
/// resource type is the part of the resource before its first '/' or ':' (instance, volume, db, table, ...);
/// for services whose ARNs carry only a name (S3 buckets, SQS queues, SNS topics) it is the kind that name
/// stands for, so every ARN has a "service:type" like the Tagging API's resource types.
/// </summary>
public sealed record Arn(string Partition, string Service, string Region, string Account, string Resource)
{
    private static readonly Dictionary<string, string> NameOnlyTypes = new(StringComparer.Ordinal)
    {
        ["s3"] = "bucket",
        ["sqs"] = "queue",
        ["sns"] = "topic",
    };

    public static bool TryParse(string? text, out Arn arn)
    {
        arn = null!;
        if (string.IsNullOrEmpty(text) || !text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        // The five colons that end arn, partition, service, region and account; the resource is the rest.
        Span<int> ends = stackalloc int[5];
        var from = 0;
        for (var i = 0; i < ends.Length; i++)
        {
            var at = text.IndexOf(':', from);
            if (at < 0)
            {
                return false;
            }

            ends[i] = at;
            from = at + 1;
        }

        var partition = text.AsSpan(ends[0] + 1, ends[1] - ends[0] - 1);
        var service = text.AsSpan(ends[1] + 1, ends[2] - ends[1] - 1);
        if (partition.IsEmpty || service.IsEmpty || ends[4] == text.Length - 1)
        {
            return false;
        }

        arn = new Arn(
            RecentPart(partition, 0),
            RecentPart(service, 1),
            RecentPart(text.AsSpan(ends[2] + 1, ends[3] - ends[2] - 1), 2),
            RecentPart(text.AsSpan(ends[3] + 1, ends[4] - ends[3] - 1), 3),
            text[(ends[4] + 1)..]);
        return true;
    }

    // A scan parses an ARN per resource, and ARNs in a row mostly share partition, service, region and account:
    // the last string seen for each (per thread) is handed out again instead of a new copy, so the results a scan
    // keeps share them too.
    [ThreadStatic]
    private static string?[]? _recentParts;

    [ThreadStatic]
    private static (string Service, string TypeName, string ResourceType)? _recentResourceType;

    private static string RecentPart(ReadOnlySpan<char> part, int slot)
    {
        var recent = _recentParts ??= new string?[4];
        var last = recent[slot];
        if (last is not null && part.SequenceEqual(last))
        {
            return last;
        }

        return recent[slot] = part.ToString();
    }

    public static Arn Parse(string text) =>
        TryParse(text, out var arn) ? arn : throw new FormatException($"'{text}' is not an ARN (arn:partition:service:region:account:resource).");

    /// <summary>The resource's type within its service (instance, bucket, db, cluster, function, ...).</summary>
    public string ResourceTypeName
    {
        get
        {
            var cut = Resource.AsSpan().IndexOfAny('/', ':');
            if (cut > 0)
            {
                return Resource[..cut];
            }

            return NameOnlyTypes.TryGetValue(Service, out var type) ? type : Resource;
        }
    }

    /// <summary>"service:type", for example ec2:instance, s3:bucket, rds:db.</summary>
    public string ResourceType
    {
        get
        {
            var cut = Resource.AsSpan().IndexOfAny('/', ':');
            var typeName = cut > 0 ? Resource.AsSpan(0, cut) : ResourceTypeName.AsSpan();
            if (_recentResourceType is { } recent && ReferenceEquals(recent.Service, Service) && typeName.SequenceEqual(recent.TypeName))
            {
                return recent.ResourceType;
            }

            var resourceType = string.Concat(Service, ":", typeName);
            _recentResourceType = (Service, typeName.ToString(), resourceType);
            return resourceType;
        }
    }

    /// <summary>The resource's own id or name: the last '/'- or ':'-separated part (i-0abc, my-bucket, orders).</summary>
    public string ResourceId
    {
        get
        {
            var cut = Resource.AsSpan().LastIndexOfAny('/', ':');
            return cut >= 0 ? Resource[(cut + 1)..] : Resource;
        }
    }

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";
}
