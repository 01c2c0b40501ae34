using System.Text.Json.Serialization;
using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.Ecs.Model;

// DescribeClusters and DescribeServices, named as in AWSSDK.ECS (wire names are camelCase).

public sealed class DescribeClustersRequest
{
    /// <summary>Cluster names or ARNs, at most 100.</summary>
    [JsonPropertyName("clusters")]
    public List<string>? Clusters { get; set; }

    /// <summary>SETTINGS adds the containerInsights setting.</summary>
    [JsonPropertyName("include")]
    public List<string>? Include { get; set; }
}

public sealed class DescribeClustersResponse : AwsResponse
{
    [JsonPropertyName("clusters")]
    public List<Cluster> Clusters { get; set; } = new();

    [JsonPropertyName("failures")]
    public List<Failure> Failures { get; set; } = new();
}

public sealed class Cluster
{
    [JsonPropertyName("clusterArn")]
    public string? ClusterArn { get; set; }

    [JsonPropertyName("clusterName")]
    public string? ClusterName { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("settings")]
    public List<ClusterSetting> Settings { get; set; } = new();
}

public sealed class ClusterSetting
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("value")]
    public string? Value { get; set; }
}

public sealed class Failure
{
    [JsonPropertyName("arn")]
    public string? Arn { get; set; }

    [JsonPropertyName("reason")]
    public string? Reason { get; set; }
}

public sealed class DescribeServicesRequest
{
    [JsonPropertyName("cluster")]
    public string? Cluster { get; set; }

    /// <summary>Service names or ARNs, at most 10.</summary>
    [JsonPropertyName("services")]
    public List<string>? Services { get; set; }
}

public sealed class DescribeServicesResponse : AwsResponse
{
    [JsonPropertyName("services")]
    public List<Service> Services { get; set; } = new();

    [JsonPropertyName("failures")]
    public List<Failure> Failures { get; set; } = new();
}

public sealed class Service
{
    [JsonPropertyName("serviceArn")]
    public string? ServiceArn { get; set; }

    [JsonPropertyName("serviceName")]
    public string? ServiceName { get; set; }

    [JsonPropertyName("clusterArn")]
    public string? ClusterArn { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("deployments")]
    public List<Deployment> Deployments { get; set; } = new();
}

public sealed class Deployment
{
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("serviceConnectConfiguration")]
    public ServiceConnectConfiguration? ServiceConnectConfiguration { get; set; }

    [JsonPropertyName("volumeConfigurations")]
    public List<ServiceVolumeConfiguration> VolumeConfigurations { get; set; } = new();
}

public sealed class ServiceConnectConfiguration
{
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; set; }
}

public sealed class ServiceVolumeConfiguration
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
