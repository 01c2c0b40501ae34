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

        var parts = text.Split(':', 6);
        if (parts.Length < 6 || parts[1].Length == 0 || parts[2].Length == 0 || parts[5].Length == 0)
        {
            return false;
        }

        arn = new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
        return true;
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
    public string ResourceType => $"{Service}:{ResourceTypeName}";

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
