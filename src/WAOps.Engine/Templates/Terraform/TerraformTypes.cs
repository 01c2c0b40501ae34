using System.Text.Json.Nodes;

namespace WAOps.Engine.Templates.Terraform;

/// <summary>
/// The AWS provider's resource types the quality gates model, each translated into the CloudFormation type and property
/// names it corresponds to (aws_db_instance.multi_az -> AWS::RDS::DBInstance MultiAZ). Empty strings, which the
/// provider writes for unset optional attributes, count as not set.
/// </summary>
internal static class TerraformTypes
{
    public sealed record Translation(string CloudFormationType, JsonObject Properties, string? Arn = null);

    public static Translation? Translate(string type, JsonObject v)
    {
        JsonObject P(params (string Cfn, JsonNode? Value)[] pairs)
        {
            var result = new JsonObject();
            foreach (var (name, value) in pairs)
            {
                if (value is not null && !(value is JsonValue text && text.ToString().Length == 0 && text.GetValueKind() == System.Text.Json.JsonValueKind.String))
                {
                    result[name] = value.DeepClone();
                }
            }

            return result;
        }

        JsonNode? A(string name) => v[name];
        JsonNode? Block(string name) => v[name] is JsonArray { Count: > 0 } list ? list[0] : null;
        JsonNode? Json(string name) => PropertyView.ParseJsonText(v[name]);

        switch (type)
        {
            case "aws_vpc":
                return new("AWS::EC2::VPC", P(("CidrBlock", A("cidr_block"))));
            case "aws_subnet":
                return new("AWS::EC2::Subnet", P(("VpcId", A("vpc_id")), ("AvailabilityZone", A("availability_zone")), ("MapPublicIpOnLaunch", A("map_public_ip_on_launch"))));
            case "aws_internet_gateway":
                return new("AWS::EC2::InternetGateway", new JsonObject());
            case "aws_nat_gateway":
                return new("AWS::EC2::NatGateway", P(("SubnetId", A("subnet_id"))));
            case "aws_route_table":
                var routes = new JsonArray();
                foreach (var route in (v["route"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                {
                    routes.Add(RouteOf(route, P));
                }

                return new("AWS::EC2::RouteTable", P(("VpcId", A("vpc_id")), ("Routes", UnresolvedValue.Is(v["route"]) ? v["route"] : routes)));
            case "aws_route":
                var single = RouteOf(v, P);
                single["RouteTableId"] = A("route_table_id")?.DeepClone();
                return new("AWS::EC2::Route", single);
            case "aws_route_table_association":
                return A("subnet_id") is null ? null : new("AWS::EC2::SubnetRouteTableAssociation", P(("SubnetId", A("subnet_id")), ("RouteTableId", A("route_table_id"))));
            case "aws_vpc_endpoint":
                return new("AWS::EC2::VPCEndpoint", P(("VpcId", A("vpc_id")), ("ServiceName", A("service_name")), ("VpcEndpointType", A("vpc_endpoint_type") ?? "Gateway"),
                    ("RouteTableIds", A("route_table_ids")), ("SubnetIds", A("subnet_ids"))));
            case "aws_vpc_endpoint_route_table_association":
                return new("AWS::EC2::VPCEndpointRouteTableAssociation", P(("VpcEndpointId", A("vpc_endpoint_id")), ("RouteTableId", A("route_table_id"))));
            case "aws_instance":
                return new("AWS::EC2::Instance", P(("SubnetId", A("subnet_id")), ("AssociatePublicIpAddress", A("associate_public_ip_address"))));
            case "aws_ebs_volume":
                return new("AWS::EC2::Volume", P(("Encrypted", A("encrypted")), ("KmsKeyId", A("kms_key_id")), ("SnapshotId", A("snapshot_id"))));
            case "aws_volume_attachment":
                return new("AWS::EC2::VolumeAttachment", P(("VolumeId", A("volume_id")), ("InstanceId", A("instance_id"))));
            case "aws_db_instance":
                return new("AWS::RDS::DBInstance", P(("Engine", A("engine")), ("MultiAZ", A("multi_az")), ("PubliclyAccessible", A("publicly_accessible") ?? false),
                    ("StorageEncrypted", A("storage_encrypted")), ("KmsKeyId", A("kms_key_id")), ("DBSubnetGroupName", A("db_subnet_group_name")),
                    ("AvailabilityZone", A("availability_zone")), ("DBSnapshotIdentifier", A("snapshot_identifier"))));
            case "aws_rds_cluster":
                return new("AWS::RDS::DBCluster", P(("Engine", A("engine")), ("EngineMode", A("engine_mode")), ("StorageEncrypted", A("storage_encrypted")),
                    ("KmsKeyId", A("kms_key_id")), ("DBSubnetGroupName", A("db_subnet_group_name")), ("DBClusterInstanceClass", A("db_cluster_instance_class")),
                    ("SnapshotIdentifier", A("snapshot_identifier"))));
            case "aws_rds_cluster_instance":
                return new("AWS::RDS::DBInstance", P(("DBClusterIdentifier", A("cluster_identifier")), ("Engine", A("engine")), ("AvailabilityZone", A("availability_zone")),
                    ("PubliclyAccessible", A("publicly_accessible") ?? false), ("DBSubnetGroupName", A("db_subnet_group_name"))));
            case "aws_db_subnet_group":
                return new("AWS::RDS::DBSubnetGroup", P(("SubnetIds", A("subnet_ids"))));
            case "aws_elasticache_replication_group":
                return new("AWS::ElastiCache::ReplicationGroup", P(("MultiAZEnabled", A("multi_az_enabled")), ("AutomaticFailoverEnabled", A("automatic_failover_enabled")),
                    ("AtRestEncryptionEnabled", A("at_rest_encryption_enabled")), ("TransitEncryptionEnabled", A("transit_encryption_enabled")),
                    ("CacheSubnetGroupName", A("subnet_group_name"))));
            case "aws_elasticache_subnet_group":
                return new("AWS::ElastiCache::SubnetGroup", P(("SubnetIds", A("subnet_ids"))));
            case "aws_efs_file_system":
                return new("AWS::EFS::FileSystem", P(("Encrypted", A("encrypted")), ("KmsKeyId", A("kms_key_id")), ("AvailabilityZoneName", A("availability_zone_name"))));
            case "aws_efs_mount_target":
                return new("AWS::EFS::MountTarget", P(("FileSystemId", A("file_system_id")), ("SubnetId", A("subnet_id"))));
            case "aws_lb":
            case "aws_alb":
                var scheme = A("internal") is JsonValue internalFlag && bool.TryParse(internalFlag.ToString(), out var isInternal)
                    ? (JsonNode)(isInternal ? "internal" : "internet-facing")
                    : A("internal");
                return new("AWS::ElasticLoadBalancingV2::LoadBalancer", P(("Type", A("load_balancer_type")), ("Scheme", scheme), ("Subnets", A("subnets"))));
            case "aws_lb_listener":
            case "aws_alb_listener":
                var actions = new JsonArray();
                foreach (var action in (v["default_action"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                {
                    var redirect = action["redirect"] is JsonArray { Count: > 0 } r ? r[0] : null;
                    actions.Add(P(("Type", action["type"]), ("TargetGroupArn", action["target_group_arn"]),
                        ("RedirectConfig", redirect is null ? null : P(("Protocol", redirect["protocol"])))));
                }

                return new("AWS::ElasticLoadBalancingV2::Listener", P(("LoadBalancerArn", A("load_balancer_arn")), ("Protocol", A("protocol")), ("Port", A("port")),
                    ("SslPolicy", A("ssl_policy")), ("DefaultActions", actions)));
            case "aws_lb_target_group":
            case "aws_alb_target_group":
                return new("AWS::ElasticLoadBalancingV2::TargetGroup", P(("Protocol", A("protocol")), ("VpcId", A("vpc_id")), ("TargetType", A("target_type"))));
            case "aws_s3_bucket":
                var name = A("bucket") is JsonValue bucketName ? bucketName.ToString() : null;
                return new("AWS::S3::Bucket", P(("BucketName", A("bucket"))), name is null ? null : "arn:aws:s3:::" + name);
            case "aws_s3_bucket_server_side_encryption_configuration":
                var byDefault = (Block("rule") as JsonObject)?["apply_server_side_encryption_by_default"] is JsonArray { Count: > 0 } d ? d[0] : null;
                return new("WAOps::Terraform::BucketEncryption", P(("Bucket", A("bucket")), ("SSEAlgorithm", byDefault?["sse_algorithm"]), ("KMSMasterKeyID", byDefault?["kms_master_key_id"])));
            case "aws_s3_bucket_policy":
                return new("AWS::S3::BucketPolicy", P(("Bucket", A("bucket")), ("PolicyDocument", Json("policy"))));
            case "aws_dynamodb_table":
                var sse = Block("server_side_encryption");
                var sseBlock = sse is null ? null : P(("SSEEnabled", sse["enabled"]), ("KMSMasterKeyId", sse["kms_key_arn"]));
                return new("AWS::DynamoDB::Table", P(("SSESpecification", sseBlock)));
            case "aws_sqs_queue":
                return new("AWS::SQS::Queue", P(("KmsMasterKeyId", A("kms_master_key_id")), ("SqsManagedSseEnabled", A("sqs_managed_sse_enabled"))));
            case "aws_sns_topic":
                return new("AWS::SNS::Topic", P(("KmsMasterKeyId", A("kms_master_key_id"))));
            case "aws_lambda_function":
                var vpc = Block("vpc_config");
                return new("AWS::Lambda::Function", P(("VpcConfig", vpc is null ? null : P(("SubnetIds", vpc["subnet_ids"])))));
            case "aws_iam_policy":
                return new("AWS::IAM::ManagedPolicy", P(("PolicyDocument", Json("policy"))));
            case "aws_iam_role":
            case "aws_iam_user":
            case "aws_iam_group":
                var inline = new JsonArray();
                foreach (var policy in (v["inline_policy"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().Where(p => p["policy"] is not null))
                {
                    inline.Add(P(("PolicyName", policy["name"]), ("PolicyDocument", PropertyView.ParseJsonText(policy["policy"]))));
                }

                var cfnType = type switch { "aws_iam_role" => "AWS::IAM::Role", "aws_iam_user" => "AWS::IAM::User", _ => "AWS::IAM::Group" };
                return new(cfnType, P(("Policies", inline), ("ManagedPolicyArns", A("managed_policy_arns"))));
            case "aws_iam_role_policy":
                return new("AWS::IAM::RolePolicy", P(("RoleName", A("role")), ("PolicyName", A("name")), ("PolicyDocument", Json("policy"))));
            case "aws_iam_user_policy":
                return new("AWS::IAM::UserPolicy", P(("UserName", A("user")), ("PolicyName", A("name")), ("PolicyDocument", Json("policy"))));
            case "aws_iam_group_policy":
                return new("AWS::IAM::GroupPolicy", P(("GroupName", A("group")), ("PolicyName", A("name")), ("PolicyDocument", Json("policy"))));
            case "aws_cloudtrail":
                var selectors = new JsonArray();
                foreach (var selector in (v["event_selector"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                {
                    selectors.Add(P(("ReadWriteType", selector["read_write_type"]), ("IncludeManagementEvents", selector["include_management_events"])));
                }

                return new("AWS::CloudTrail::Trail", P(("IsMultiRegionTrail", A("is_multi_region_trail")), ("IsLogging", A("enable_logging") ?? true),
                    ("EnableLogFileValidation", A("enable_log_file_validation")), ("IsOrganizationTrail", A("is_organization_trail")),
                    ("EventSelectors", selectors.Count == 0 ? null : selectors), ("AdvancedEventSelectors", v["advanced_event_selector"] is JsonArray { Count: > 0 } adv ? adv : null)));
            case "aws_guardduty_detector":
                return new("AWS::GuardDuty::Detector", P(("Enable", A("enable") ?? true)));
            case "aws_kms_key":
                return new("AWS::KMS::Key", new JsonObject());
            default:
                return null;
        }
    }

    private static JsonObject RouteOf(JsonObject route, Func<(string, JsonNode?)[], JsonObject> p) => p(new[]
    {
        ("DestinationCidrBlock", route["cidr_block"] ?? route["destination_cidr_block"]),
        ("DestinationIpv6CidrBlock", route["ipv6_cidr_block"] ?? route["destination_ipv6_cidr_block"]),
        ("GatewayId", route["gateway_id"]),
        ("NatGatewayId", route["nat_gateway_id"]),
        ("EgressOnlyInternetGatewayId", route["egress_only_gateway_id"]),
        ("TransitGatewayId", route["transit_gateway_id"]),
        ("VpcPeeringConnectionId", route["vpc_peering_connection_id"]),
        ("NetworkInterfaceId", route["network_interface_id"]),
        ("VpcEndpointId", route["vpc_endpoint_id"]),
    });

    /// <summary>
    /// aws_s3_bucket_server_side_encryption_configuration is a resource of its own in the provider (v4+); it is folded
    /// into its bucket's BucketEncryption, the shape a template has.
    /// </summary>
    public static void FoldBucketEncryption(List<TemplateResource> resources)
    {
        foreach (var encryption in resources.Where(r => r.Type == "WAOps::Terraform::BucketEncryption").ToList())
        {
            var bucketRef = encryption.Properties.Text("Bucket").ValueOr(null);
            var bucket = resources.FirstOrDefault(r => r.Type == "AWS::S3::Bucket" && (r.RefId == bucketRef || r.Properties.Text("BucketName").ValueOr(null) == bucketRef));
            if (bucket?.Properties.Raw("BucketName")?.Parent is JsonObject properties)
            {
                properties["BucketEncryption"] = new JsonObject
                {
                    ["ServerSideEncryptionConfiguration"] = new JsonArray(new JsonObject
                    {
                        ["ServerSideEncryptionByDefault"] = new JsonObject
                        {
                            ["SSEAlgorithm"] = encryption.Properties.Raw("SSEAlgorithm")?.DeepClone(),
                            ["KMSMasterKeyID"] = encryption.Properties.Raw("KMSMasterKeyID")?.DeepClone(),
                        },
                    }),
                };
            }
        }
    }
}
