"""Seeds accounts for the quality gate tests: for every gate, resources that pass and resources that fail.

usage: gates.py account          seeds the main account (123456789012) in us-east-1 (and eu-west-1, which gets no
                                 GuardDuty detector and no EBS default encryption); prints {"<name>": "<id or ARN>"}
       gates.py second <account> seeds another account through an assumed role (moto keeps one state per account):
                                 a single-region trail without log file validation, no GuardDuty, an unencrypted volume
       gates.py organization <n> creates an organization with <n> member accounts; prints {"Accounts": [...]}
       gates.py iam-user <name> '<json list of denied actions>'   a user allowed everything but those actions; prints its key
       gates.py bulk <n>         seeds about <n> resources for the benchmark (see bulk())

moto 5.2.1 deviations the tests name where they meet them: the default VPC's main route table has no internet route
(this seed builds its own VPCs); HTTP listeners get an SslPolicy; ElastiCache ignores NumCacheClusters and
DescribeCacheClusters does not list the nodes of replication groups; GetEventSelectors returns no selector for a
trail that has only the default one.
"""
import json
import sys

import boto3

from waops_seed import ENDPOINT, REGION, client, emit

FULL = {"Environment": "prod", "Project": "shop", "Team": "web", "CostCenter": "CC-1"}


def as_list(tags):
    return [{"Key": k, "Value": v} for k, v in tags.items()]


def spec(kind, tags):
    return [{"ResourceType": kind, "Tags": as_list(tags)}]


def policy(statements):
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


class Seeder:
    def __init__(self, make_client):
        self.client = make_client
        self.ids = {}

    def ami(self, ec2):
        return ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]

    def network(self):
        ec2 = self.client("ec2")
        ids = self.ids
        vpc = ec2.create_vpc(CidrBlock="10.10.0.0/16", TagSpecifications=spec("vpc", {**FULL, "Name": "app"}))["Vpc"]["VpcId"]
        ids["vpc-app"] = vpc
        igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
        ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
        main = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "association.main", "Values": ["true"]}])["RouteTables"][0]["RouteTableId"]
        ec2.create_route(RouteTableId=main, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
        ids["rtb-main"] = main

        def subnet(name, cidr, zone, table=None):
            subnet_id = ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=zone, TagSpecifications=spec("subnet", {**FULL, "Name": name}))["Subnet"]["SubnetId"]
            if table:
                ec2.associate_route_table(RouteTableId=table, SubnetId=subnet_id)
            ids[name] = subnet_id
            return subnet_id

        def table(name, routes):
            table_id = ec2.create_route_table(VpcId=vpc, TagSpecifications=spec("route-table", {**FULL, "Name": name}))["RouteTable"]["RouteTableId"]
            for route in routes:
                ec2.create_route(RouteTableId=table_id, **route)
            ids[name] = table_id
            return table_id

        public_table = table("rtb-public", [{"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": igw}])
        subnet("subnet-public-main", "10.10.0.0/24", "us-east-1a")  # no association: public through the main table
        public = subnet("subnet-public-explicit", "10.10.1.0/24", "us-east-1b", public_table)
        ec2.modify_subnet_attribute(SubnetId=public, MapPublicIpOnLaunch={"Value": True})
        allocation = ec2.allocate_address(Domain="vpc")["AllocationId"]
        nat = ec2.create_nat_gateway(SubnetId=public, AllocationId=allocation)["NatGateway"]["NatGatewayId"]
        eigw = ec2.create_egress_only_internet_gateway(VpcId=vpc)["EgressOnlyInternetGateway"]["EgressOnlyInternetGatewayId"]
        private_a = table("rtb-private-a", [{"DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": nat}])
        private_b = table("rtb-private-b", [{"DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": nat},
                                            {"DestinationIpv6CidrBlock": "::/0", "EgressOnlyInternetGatewayId": eigw}])
        subnet("subnet-private-a", "10.10.2.0/24", "us-east-1a", private_a)
        subnet("subnet-private-b", "10.10.3.0/24", "us-east-1b", private_b)
        subnet("subnet-data-a", "10.10.4.0/24", "us-east-1a", private_a)
        subnet("subnet-data-b", "10.10.5.0/24", "us-east-1b", private_b)

        image = self.ami(ec2)

        def instance(name, subnet_name, public_ip=False, tags=FULL):
            interface = {"DeviceIndex": 0, "SubnetId": ids[subnet_name], "AssociatePublicIpAddress": public_ip}
            ids[name] = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro", NetworkInterfaces=[interface],
                                          TagSpecifications=spec("instance", {**tags, "Name": name}))["Instances"][0]["InstanceId"]

        instance("web-public", "subnet-public-main", public_ip=True)
        instance("app-a", "subnet-private-a")
        instance("app-b", "subnet-private-b", tags={"Environment": "prod", "Project": "ops"})

        # S3 gateway endpoint on both private tables; DynamoDB only on the first.
        ids["vpce-s3-app"] = ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=f"com.amazonaws.{REGION}.s3", VpcEndpointType="Gateway",
                                                     RouteTableIds=[private_a, private_b])["VpcEndpoint"]["VpcEndpointId"]
        ids["vpce-dynamodb-app"] = ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=f"com.amazonaws.{REGION}.dynamodb", VpcEndpointType="Gateway",
                                                           RouteTableIds=[private_a])["VpcEndpoint"]["VpcEndpointId"]
        for service in ("ecr.api", "ecr.dkr"):
            ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=f"com.amazonaws.{REGION}.{service}", VpcEndpointType="Interface",
                                    SubnetIds=[ids["subnet-private-a"]])

        # A second VPC: private compute, an S3 gateway endpoint associated with no route table, every interface endpoint.
        vpc2 = ec2.create_vpc(CidrBlock="10.20.0.0/16", TagSpecifications=spec("vpc", {**FULL, "Name": "batch"}))["Vpc"]["VpcId"]
        ids["vpc-batch"] = vpc2
        batch_table = ec2.create_route_table(VpcId=vpc2)["RouteTable"]["RouteTableId"]
        batch_subnet = ec2.create_subnet(VpcId=vpc2, CidrBlock="10.20.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
        ec2.associate_route_table(RouteTableId=batch_table, SubnetId=batch_subnet)
        ids["rtb-batch"] = batch_table
        ids["batch-worker"] = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro", SubnetId=batch_subnet,
                                                TagSpecifications=spec("instance", {**FULL, "Name": "batch-worker"}))["Instances"][0]["InstanceId"]
        ids["vpce-s3-batch"] = ec2.create_vpc_endpoint(VpcId=vpc2, ServiceName=f"com.amazonaws.{REGION}.s3", VpcEndpointType="Gateway")["VpcEndpoint"]["VpcEndpointId"]
        for service in ("ecr.api", "ecr.dkr", "monitoring", "logs", "ssm", "sts", "secretsmanager"):
            ec2.create_vpc_endpoint(VpcId=vpc2, ServiceName=f"com.amazonaws.{REGION}.{service}", VpcEndpointType="Interface", SubnetIds=[batch_subnet])

        # EBS: one encrypted and one plain volume; default encryption on in us-east-1 only.
        ids["vol-encrypted"] = ec2.create_volume(AvailabilityZone="us-east-1a", Size=1, Encrypted=True, TagSpecifications=spec("volume", FULL))["VolumeId"]
        ids["vol-plain"] = ec2.create_volume(AvailabilityZone="us-east-1a", Size=1, TagSpecifications=spec("volume", {"Environment": "prod", "project": "shop"}))["VolumeId"]
        ec2.enable_ebs_encryption_by_default()

    def databases(self):
        ids = self.ids
        rds = self.client("rds")
        rds.create_db_subnet_group(DBSubnetGroupName="data", DBSubnetGroupDescription="data", SubnetIds=[ids["subnet-data-a"], ids["subnet-data-b"]])
        rds.create_db_subnet_group(DBSubnetGroupName="mixed", DBSubnetGroupDescription="mixed", SubnetIds=[ids["subnet-data-a"], ids["subnet-public-main"]])

        def db(name, tags, **settings):
            created = rds.create_db_instance(DBInstanceIdentifier=name, DBInstanceClass="db.t3.micro", Engine="postgres", MasterUsername="admin",
                                             MasterUserPassword="password123", AllocatedStorage=20, Tags=as_list(tags), **settings)
            ids[name] = created["DBInstance"]["DBInstanceArn"]

        db("orders-prod", FULL, MultiAZ=False, DBSubnetGroupName="data", StorageEncrypted=True, PubliclyAccessible=False)
        db("ledger-prod", FULL, MultiAZ=True, DBSubnetGroupName="mixed", StorageEncrypted=True, PubliclyAccessible=True)
        db("reports-dev", {**FULL, "Environment": "dev"}, MultiAZ=False, DBSubnetGroupName="data", StorageEncrypted=False, PubliclyAccessible=False)

        def aurora(name, zones):
            cluster = rds.create_db_cluster(DBClusterIdentifier=name, Engine="aurora-postgresql", MasterUsername="admin", MasterUserPassword="password123",
                                            DBSubnetGroupName="data", StorageEncrypted=True, Tags=as_list(FULL))
            ids[name] = cluster["DBCluster"]["DBClusterArn"]
            for index, zone in enumerate(zones, start=1):
                rds.create_db_instance(DBInstanceIdentifier=f"{name}-{index}", DBClusterIdentifier=name, Engine="aurora-postgresql",
                                       DBInstanceClass="db.r5.large", AvailabilityZone=zone, Tags=as_list(FULL))
                ids[f"{name}-{index}"] = f"arn:aws:rds:{REGION}:123456789012:db:{name}-{index}"

        aurora("aurora-prod", ["us-east-1a", "us-east-1b"])
        aurora("aurora-single", ["us-east-1a"])

        cache = self.client("elasticache")
        cache.create_cache_subnet_group(CacheSubnetGroupName="private", CacheSubnetGroupDescription="private",
                                        SubnetIds=[ids["subnet-data-a"], ids["subnet-data-b"]])
        for name, good in (("sessions-prod", True), ("queue-prod", False)):
            group = cache.create_replication_group(ReplicationGroupId=name, ReplicationGroupDescription=name, Engine="redis", CacheNodeType="cache.t3.micro",
                                                   NumCacheClusters=2, CacheSubnetGroupName="private", MultiAZEnabled=good, AutomaticFailoverEnabled=good,
                                                   AtRestEncryptionEnabled=good, TransitEncryptionEnabled=good, Tags=as_list(FULL))
            ids[name] = group["ReplicationGroup"]["ARN"]

        efs = self.client("efs")
        shared = efs.create_file_system(CreationToken="shared", Encrypted=True, Tags=as_list({**FULL, "Name": "shared"}))
        for subnet in ("subnet-data-a", "subnet-data-b"):
            efs.create_mount_target(FileSystemId=shared["FileSystemId"], SubnetId=ids[subnet])
        ids["efs-shared"] = shared["FileSystemArn"]
        scratch = efs.create_file_system(CreationToken="scratch", AvailabilityZoneName="us-east-1a", Encrypted=False, Tags=as_list({**FULL, "Name": "scratch"}))
        efs.create_mount_target(FileSystemId=scratch["FileSystemId"], SubnetId=ids["subnet-data-a"])
        ids["efs-scratch"] = scratch["FileSystemArn"]

    def load_balancing(self):
        ids = self.ids
        elb = self.client("elbv2")
        lb = elb.create_load_balancer(Name="web", Subnets=[ids["subnet-public-main"], ids["subnet-public-explicit"]], Tags=as_list(FULL))["LoadBalancers"][0]["LoadBalancerArn"]
        ids["alb-web"] = lb
        group = elb.create_target_group(Name="web", Protocol="HTTP", Port=80, VpcId=ids["vpc-app"], Tags=as_list(FULL))["TargetGroups"][0]["TargetGroupArn"]
        ids["tg-web"] = group
        certificate = self.client("acm").request_certificate(DomainName="shop.example.com")["CertificateArn"]
        forward = [{"Type": "forward", "TargetGroupArn": group}]

        def listener(name, protocol, port, actions, policy_name=None):
            settings = {"SslPolicy": policy_name, "Certificates": [{"CertificateArn": certificate}]} if protocol == "HTTPS" else {}
            ids[name] = elb.create_listener(LoadBalancerArn=lb, Protocol=protocol, Port=port, DefaultActions=actions, **settings)["Listeners"][0]["ListenerArn"]

        listener("listener-https-tls13", "HTTPS", 443, forward, "ELBSecurityPolicy-TLS13-1-2-2021-06")
        listener("listener-https-old", "HTTPS", 8443, forward, "ELBSecurityPolicy-2016-08")
        listener("listener-http-redirect", "HTTP", 80, [{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}])
        listener("listener-http-forward", "HTTP", 8080, forward)

    def data(self):
        ids = self.ids
        s3 = self.client("s3")
        for name in ("shop-secure", "shop-open"):
            s3.create_bucket(Bucket=name)
            s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": as_list(FULL)})
            ids[f"bucket-{name}"] = f"arn:aws:s3:::{name}"
        s3.put_bucket_policy(Bucket="shop-secure", Policy=policy([{
            "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
            "Resource": ["arn:aws:s3:::shop-secure", "arn:aws:s3:::shop-secure/*"],
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]))
        s3.put_bucket_policy(Bucket="shop-open", Policy=policy([{
            "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shop-open/*"}]))
        key = self.client("kms").create_key(Description="shop data")["KeyMetadata"]["Arn"]
        ids["kms-shop"] = key
        s3.put_bucket_encryption(Bucket="shop-secure", ServerSideEncryptionConfiguration={"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key}}]})

        sqs = self.client("sqs")
        for name, attributes in (("orders", {}), ("plain", {"SqsManagedSseEnabled": "false"})):
            url = sqs.create_queue(QueueName=name, Attributes=attributes, tags=FULL)["QueueUrl"]
            ids[f"queue-{name}"] = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        sns = self.client("sns")
        ids["topic-alerts"] = sns.create_topic(Name="alerts", Attributes={"KmsMasterKeyId": "alias/aws/sns"}, Tags=as_list(FULL))["TopicArn"]
        ids["topic-plain"] = sns.create_topic(Name="plain-topic", Tags=as_list({"Environment": "prod", "Project": "billing"}))["TopicArn"]
        ids["table-carts"] = self.client("dynamodb").create_table(
            TableName="carts", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}], AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST", Tags=as_list(FULL))["TableDescription"]["TableArn"]

    def identity(self):
        ids = self.ids
        iam = self.client("iam")

        def managed(name, statements):
            ids[f"policy-{name}"] = iam.create_policy(PolicyName=name, PolicyDocument=policy(statements))["Policy"]["Arn"]

        managed("admin-all", [{"Sid": "Everything", "Effect": "Allow", "Action": "*", "Resource": "*"}])
        managed("s3-everything", [{"Effect": "Allow", "Action": ["s3:*"], "Resource": "arn:aws:s3:::shop-secure/*"}])
        managed("ec2-terminate-any", [{"Effect": "Allow", "Action": ["ec2:DescribeInstances", "ec2:TerminateInstances"], "Resource": "*"}])
        managed("describe-only", [{"Effect": "Allow", "Action": ["ec2:Describe*", "sts:GetCallerIdentity", "cloudwatch:PutMetricData"], "Resource": "*"}])
        managed("scoped-read", [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shop-secure/*"},
                                {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}])
        trust = policy([{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}])
        ids["role-app"] = iam.create_role(RoleName="app-role", AssumeRolePolicyDocument=trust, Tags=as_list(FULL))["Role"]["Arn"]
        iam.put_role_policy(RoleName="app-role", PolicyName="everything-but-iam", PolicyDocument=policy([{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]))
        ids["user-ci"] = iam.create_user(UserName="ci", Tags=as_list(FULL))["User"]["Arn"]
        iam.put_user_policy(UserName="ci", PolicyName="deploy", PolicyDocument=policy([{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::shop-secure/releases/*"}]))

    def audit(self, good=True):
        ids = self.ids
        s3 = self.client("s3")
        bucket = f"trail-logs-{'main' if good else 'second'}"
        s3.create_bucket(Bucket=bucket)
        trail = self.client("cloudtrail")
        name = "org-audit" if good else "local-audit"
        created = trail.create_trail(Name=name, S3BucketName=bucket, IsMultiRegionTrail=good, EnableLogFileValidation=good)
        trail.start_logging(Name=name)
        if not good:
            trail.put_event_selectors(TrailName=name, EventSelectors=[{"ReadWriteType": "WriteOnly", "IncludeManagementEvents": True}])
        ids[f"trail-{name}"] = created["TrailARN"]
        if good:
            ids["detector-us-east-1"] = self.client("guardduty").create_detector(Enable=True)["DetectorId"]

    def budgets(self, account="123456789012"):
        budgets = self.client("budgets")

        def budget(name, project, types):
            budgets.create_budget(
                AccountId=account,
                Budget={"BudgetName": name, "BudgetLimit": {"Amount": "100", "Unit": "USD"}, "TimeUnit": "MONTHLY", "BudgetType": "COST",
                        "CostFilters": {"TagKeyValue": [f"user:Project${project}"]}},
                NotificationsWithSubscribers=[{"Notification": {"NotificationType": t, "ComparisonOperator": "GREATER_THAN", "Threshold": 80, "ThresholdType": "PERCENTAGE"},
                                               "Subscribers": [{"SubscriptionType": "EMAIL", "Address": "finops@example.com"}]} for t in types])
            self.ids[f"budget-{name}"] = f"arn:aws:budgets::{account}:budget/{name}"

        budget("shop-monthly", "shop", ["ACTUAL", "FORECASTED"])
        budget("billing-monthly", "billing", ["ACTUAL"])


def account():
    seeder = Seeder(client)
    seeder.network()
    seeder.databases()
    seeder.load_balancing()
    seeder.data()
    seeder.identity()
    seeder.audit()
    seeder.budgets()
    emit(seeder.ids)


def assumed_client_factory(account_id):
    credentials = client("sts").assume_role(RoleArn=f"arn:aws:iam::{account_id}:role/OrganizationAccountAccessRole", RoleSessionName="waops-seed")["Credentials"]

    def make(service, region=None):
        return boto3.client(service, endpoint_url=ENDPOINT, region_name=region or REGION, aws_access_key_id=credentials["AccessKeyId"],
                            aws_secret_access_key=credentials["SecretAccessKey"], aws_session_token=credentials["SessionToken"])

    return make


def second(account_id):
    seeder = Seeder(assumed_client_factory(account_id))
    seeder.audit(good=False)
    ec2 = seeder.client("ec2")
    seeder.ids["vol-second"] = ec2.create_volume(AvailabilityZone="us-east-1a", Size=1, TagSpecifications=spec("volume", FULL))["VolumeId"]
    emit(seeder.ids)


BULK_MIX = {"sqs": 0.20, "sns": 0.24, "dynamodb": 0.20, "s3": 0.10, "policy": 0.10, "role": 0.04, "network": 0.12}


def bulk(total):
    """About <total> resources in us-east-1 of kinds moto lists quickly at scale (no EC2 instances, volumes or
    snapshots: moto's DescribeInstances/DescribeVolumes/DescribeSnapshots slow down badly with thousands). The mix
    keeps the per-resource calls AWS forces (queue and topic attributes, table descriptions, bucket settings) and the
    one-call listings (IAM, subnets, route tables) in proportion. One in ten resources misses tags."""
    counts = {kind: int(total * share) for kind, share in BULK_MIX.items()}
    sqs, sns, ddb, s3, iam, ec2 = client("sqs"), client("sns"), client("dynamodb"), client("s3"), client("iam"), client("ec2")

    def tags(i):
        return {} if i % 10 == 0 else {**FULL, "Project": f"p{i % 5}"}

    for i in range(counts["sqs"]):
        attributes = {"SqsManagedSseEnabled": "false"} if i % 7 == 0 else {}
        sqs.create_queue(QueueName=f"q-{i:05d}", Attributes=attributes, **({"tags": tags(i)} if tags(i) else {}))
    for i in range(counts["sns"]):
        sns.create_topic(Name=f"t-{i:05d}", **({"Tags": as_list(tags(i))} if tags(i) else {}))
    for i in range(counts["dynamodb"]):
        ddb.create_table(TableName=f"d-{i:05d}", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                         AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST",
                         **({"Tags": as_list(tags(i))} if tags(i) else {}))
    for i in range(counts["s3"]):
        name = f"waops-bench-{i:05d}"
        s3.create_bucket(Bucket=name)
        if tags(i):
            s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": as_list(tags(i))})
        if i % 2 == 0:
            s3.put_bucket_policy(Bucket=name, Policy=policy([{"Effect": "Deny", "Principal": "*", "Action": "s3:*",
                                                              "Resource": [f"arn:aws:s3:::{name}", f"arn:aws:s3:::{name}/*"],
                                                              "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]))
    for i in range(counts["policy"]):
        action = "s3:*" if i % 4 == 0 else "s3:GetObject"
        iam.create_policy(PolicyName=f"p-{i:05d}", PolicyDocument=policy([{"Effect": "Allow", "Action": action, "Resource": f"arn:aws:s3:::b{i}/*"}]))
    trust = policy([{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}])
    for i in range(counts["role"]):
        iam.create_role(RoleName=f"r-{i:05d}", AssumeRolePolicyDocument=trust, **({"Tags": as_list(tags(i))} if tags(i) else {}))
        iam.put_role_policy(RoleName=f"r-{i:05d}", PolicyName="inline", PolicyDocument=policy([{"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "*"}]))
    # Networks: VPCs of 12 subnets, each with its own route table (a VPC, 12 subnets and 12 tables per step).
    networks = max(1, counts["network"] // 25)
    made = 0
    for v in range(networks):
        vpc = ec2.create_vpc(CidrBlock=f"10.{v % 250}.0.0/16", TagSpecifications=spec("vpc", FULL))["Vpc"]["VpcId"]
        made += 1
        for n in range(12):
            subnet = ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.{v % 250}.{n}.0/24", TagSpecifications=spec("subnet", tags(n)) if tags(n) else [])["Subnet"]["SubnetId"]
            table = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
            ec2.associate_route_table(RouteTableId=table, SubnetId=subnet)
            made += 2
    counts["network"] = made
    emit({"Resources": sum(counts.values()), **counts})


def organization(count):
    organizations = client("organizations")
    organizations.create_organization(FeatureSet="ALL")
    created = [organizations.create_account(Email=f"aws+member{i}@example.com", AccountName=f"member-{i}")["CreateAccountStatus"]["AccountId"] for i in range(count)]
    emit({"Accounts": created})


def iam_user(name, denied_json):
    iam = client("iam")
    iam.create_user(UserName=name)
    iam.put_user_policy(UserName=name, PolicyName="all-but", PolicyDocument=policy([
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Deny", "Action": json.loads(denied_json), "Resource": "*"}]))
    key = iam.create_access_key(UserName=name)["AccessKey"]
    emit({"AccessKeyId": key["AccessKeyId"], "SecretAccessKey": key["SecretAccessKey"]})


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "account":
        account()
    elif command == "second":
        second(sys.argv[2])
    elif command == "organization":
        organization(int(sys.argv[2]))
    elif command == "bulk":
        bulk(int(sys.argv[2]))
    elif command == "iam-user":
        iam_user(sys.argv[2], sys.argv[3])
    else:
        sys.exit(f"unknown command {command}")
