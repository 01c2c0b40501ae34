using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Templates;

/// <summary>
/// Fills the inventory from template resources in CloudFormation's shape (the Terraform plan reader translates its
/// resources into that shape first), so the rules judge a template exactly as they judge the live resources it creates.
/// Primary resources become inventory resources of their kind; the resources that only link others (route table
/// associations, routes, subnet groups, bucket policies, IAM policies, mount targets) fill in the properties of the
/// resources they link, the way the live describe calls report them. Values AWS defaults are the defaults AWS applies;
/// values AWS decides at deployment (a zone it picks, a policy it chooses) are unresolved.
/// </summary>
public sealed partial class TemplateInventoryMapper
{
    private readonly List<TemplateResource> _resources;
    private readonly TemplateReadOptions _options;
    private readonly ResourceInventory _inventory;
    private readonly Dictionary<string, TemplateResource> _byRef;
    private readonly Dictionary<(string Type, string Property), (ILookup<string, TemplateResource>, string?)> _links = new();

    public TemplateInventoryMapper(IReadOnlyList<TemplateResource> resources, TemplateReadOptions options, ResourceInventory inventory)
    {
        _resources = resources.ToList();
        _options = options;
        _inventory = inventory;
        _byRef = new Dictionary<string, TemplateResource>(StringComparer.Ordinal);
        foreach (var resource in _resources)
        {
            _byRef.TryAdd(resource.RefId, resource);
        }
    }

    public void Map()
    {
        foreach (var resource in _resources)
        {
            var properties = Properties(resource);
            if (properties is null || ResourceKinds.FromCloudFormationType(CanonicalType(resource.Type)) is not { } kind)
            {
                continue;
            }

            Add(resource, kind, properties);
            if (resource.Type == "AWS::EC2::VPC")
            {
                AddMainRouteTable(resource);
            }
            else if (resource.Type == "AWS::Serverless::Function")
            {
                AddGeneratedRole(resource);
            }
        }

        if (_inventory.OfKind(ResourceKinds.Trail).Any())
        {
            // Trails are judged per account: the template's trails stand for the account they would be deployed to.
            _inventory.Add(new InventoryResource(ResourceKinds.Account, PseudoResourceIds.Account(_options.AccountId), _options.AccountId, _options.AccountId,
                PseudoResourceIds.GlobalRegion, Tags.TagSet.Empty, new AccountProperties(), DiscoverySource.Template));
        }
    }

    private static string CanonicalType(string type) => type switch
    {
        "AWS::Serverless::Function" => "AWS::Lambda::Function",
        "AWS::Serverless::SimpleTable" => "AWS::DynamoDB::Table",
        _ => type,
    };

    private ResourceProperties? Properties(TemplateResource r) => r.Type switch
    {
        "AWS::EC2::VPC" => new VpcProperties { IsDefault = Fact<bool>.Known(false, r.Location) },
        "AWS::EC2::Subnet" => Subnet(r),
        "AWS::EC2::RouteTable" => RouteTable(r),
        "AWS::EC2::VPCEndpoint" => VpcEndpoint(r),
        "AWS::EC2::Instance" => Instance(r),
        "AWS::EC2::Volume" => Volume(r),
        "AWS::RDS::DBInstance" => DbInstance(r),
        "AWS::RDS::DBCluster" => DbCluster(r),
        "AWS::ElastiCache::ReplicationGroup" => ReplicationGroup(r),
        "AWS::EFS::FileSystem" => FileSystem(r),
        "AWS::ElasticLoadBalancingV2::LoadBalancer" => LoadBalancer(r),
        "AWS::ElasticLoadBalancingV2::Listener" => Listener(r),
        "AWS::ElasticLoadBalancingV2::TargetGroup" => TargetGroup(r),
        "AWS::S3::Bucket" => Bucket(r),
        "AWS::DynamoDB::Table" or "AWS::Serverless::SimpleTable" => Table(r),
        "AWS::SQS::Queue" => Queue(r),
        "AWS::SNS::Topic" => new TopicProperties { KmsMasterKeyId = r.Properties.Text("KmsMasterKeyId") },
        "AWS::Lambda::Function" or "AWS::Serverless::Function" => Function(r),
        "AWS::IAM::ManagedPolicy" => ManagedPolicy(r),
        "AWS::IAM::Role" or "AWS::IAM::User" or "AWS::IAM::Group" => Principal(r),
        "AWS::CloudTrail::Trail" => Trail(r),
        "AWS::GuardDuty::Detector" => new DetectorProperties { Status = r.Properties.Bool("Enable", null).Select(on => on ? "ENABLED" : "DISABLED") },
        "AWS::Budgets::Budget" => Budget(r),
        "AWS::KMS::Key" => new KmsKeyProperties { KeyManager = Fact<string>.Known("CUSTOMER", r.Location) },
        _ => null,
    };

    private void Add(TemplateResource resource, ResourceKind kind, ResourceProperties properties, string? name = null)
    {
        var display = name ?? resource.Name;
        _inventory.Add(new InventoryResource(kind, resource.Id, resource.RefId, _options.AccountId,
            kind.Name.StartsWith("iam:", StringComparison.Ordinal) ? PseudoResourceIds.GlobalRegion : _options.Region,
            resource.Tags, properties, DiscoverySource.Template, display)
        {
            Location = resource.Location,
            TagsUnknownReason = resource.TagsUnknownReason,
        });
    }

    /// <summary>Resources of <paramref name="type"/> whose <paramref name="property"/> refers to <paramref name="target"/> (a list property matches any item).</summary>
    private IEnumerable<TemplateResource> Referring(string type, string property, TemplateResource target) =>
        Links(type, property).ByTarget[target.RefId];

    /// <summary>Whether some resource of <paramref name="type"/> refers through <paramref name="property"/> to a value the reader cannot resolve (it may be <paramref name="target"/>).</summary>
    private string? UnknownReferrer(string type, string property) => Links(type, property).Unknown;

    /// <summary>
    /// Who links to whom through one property, indexed once: a template of a thousand resources would otherwise scan
    /// every resource for every subnet, table and bucket.
    /// </summary>
    private (ILookup<string, TemplateResource> ByTarget, string? Unknown) Links(string type, string property)
    {
        if (_links.TryGetValue((type, property), out var links))
        {
            return links;
        }

        var ofType = _resources.Where(r => r.Type == type).ToList();
        var byTarget = ofType
            .SelectMany(r => (r.Properties.Strings(property).ValueOr(null) ?? Array.Empty<string>()).Distinct(StringComparer.Ordinal).Select(target => (target, r)))
            .ToLookup(p => p.target, p => p.r, StringComparer.Ordinal);
        var unknown = ofType.Select(r => r.Properties.Unresolved(property)).FirstOrDefault(u => u is not null);
        return _links[(type, property)] = (byTarget, unknown);
    }

    private TemplateResource? Find(string? refId) => refId is not null && _byRef.TryGetValue(refId, out var found) ? found : null;

    /// <summary>The VPC of a subnet the template declares (by its reference), as a fact.</summary>
    private Fact<string?> VpcOfSubnet(string? subnetRef, SourceLocation at)
    {
        if (subnetRef is null)
        {
            return Fact<string?>.Known(null, at);
        }

        var subnet = Find(subnetRef);
        if (subnet is null || subnet.Type != "AWS::EC2::Subnet")
        {
            return Fact<string?>.Unresolved($"subnet {subnetRef} is not declared in the template, so its VPC is not known", at);
        }

        return subnet.Properties.Text("VpcId");
    }

    private Fact<string?> VpcOfSubnets(Fact<IReadOnlyList<string>> subnets, SourceLocation at) =>
        subnets.TryGet(out var list) ? VpcOfSubnet(list.FirstOrDefault(), at) : subnets.Select<string?>(_ => null);
}
