"""Baseline for the QualityGate benchmark: the sequential boto3 script a user would write to read what the quality
gates need from one region, making the same describe calls as Test-WAQualityGate (the same listings with the same page
sizes, and the same per-resource calls where AWS has no listing), one after another. It only reads; it judges nothing.
Prints one JSON line with the call counts, the resources read and the peak memory.
"""
import json
import os
import resource
from collections import Counter

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["WAOPS_BENCH_ENDPOINT"]
REGION = "us-east-1"
calls = Counter()
resources = Counter()


def client(service, label):
    made = boto3.client(service, endpoint_url=ENDPOINT, region_name=REGION,
                        aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"], aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])
    made.meta.events.register("before-call", lambda model, **_: calls.update([f"{label}:{model.name}"]))
    return made


def pages(method, token_in, token_out, **kwargs):
    token = None
    while True:
        page = method(**kwargs, **({token_in: token} if token else {}))
        yield page
        token = page.get(token_out)
        if not token:
            return


def tolerate(codes, function, **kwargs):
    try:
        return function(**kwargs)
    except ClientError as error:
        if error.response["Error"]["Code"] in codes:
            return None
        raise


account = client("sts", "STS").get_caller_identity()["Account"]
ec2 = client("ec2", "EC2")
ec2.describe_regions(AllRegions=True)
for operation, key, size in (("describe_vpcs", "Vpcs", 1000), ("describe_subnets", "Subnets", 1000), ("describe_route_tables", "RouteTables", 100),
                             ("describe_vpc_endpoints", "VpcEndpoints", 1000), ("describe_instances", "Reservations", 1000),
                             ("describe_volumes", "Volumes", 500)):
    for page in pages(getattr(ec2, operation), "NextToken", "NextToken", MaxResults=size):
        resources[key] += len(page.get(key, []))
ec2.get_ebs_encryption_by_default()

rds = client("rds", "RDS")
for operation, key in (("describe_db_instances", "DBInstances"), ("describe_db_clusters", "DBClusters")):
    for page in pages(getattr(rds, operation), "Marker", "Marker", MaxRecords=100):
        resources[key] += len(page[key])

elasticache = client("elasticache", "ElastiCache")
groups = [g for page in pages(elasticache.describe_replication_groups, "Marker", "Marker", MaxRecords=100) for g in page["ReplicationGroups"]]
if groups:
    list(pages(elasticache.describe_cache_clusters, "Marker", "Marker", MaxRecords=100))
    list(pages(elasticache.describe_cache_subnet_groups, "Marker", "Marker", MaxRecords=100))

efs = client("efs", "EFS")
for page in pages(efs.describe_file_systems, "Marker", "NextMarker", MaxItems=100):
    for fs in page["FileSystems"]:
        list(pages(efs.describe_mount_targets, "Marker", "NextMarker", FileSystemId=fs["FileSystemId"], MaxItems=100))

elb = client("elbv2", "Elastic Load Balancing v2")
for page in pages(elb.describe_load_balancers, "Marker", "NextMarker", PageSize=400):
    for lb in page["LoadBalancers"]:
        list(pages(elb.describe_listeners, "Marker", "NextMarker", LoadBalancerArn=lb["LoadBalancerArn"], PageSize=400))
list(pages(elb.describe_target_groups, "Marker", "NextMarker", PageSize=400))

list(pages(client("lambda", "Lambda").list_functions, "Marker", "NextMarker", MaxItems=50))

s3 = client("s3", "S3")
for bucket in s3.list_buckets(MaxBuckets=10000)["Buckets"]:
    name = bucket["Name"]
    # S3 always encrypts: the default encryption is read only when a customer-managed key is required (not here).
    s3.get_bucket_location(Bucket=name)
    tolerate({"NoSuchBucketPolicy"}, s3.get_bucket_policy, Bucket=name)
    resources["Buckets"] += 1

dynamodb = client("dynamodb", "DynamoDB")
for page in pages(dynamodb.list_tables, "ExclusiveStartTableName", "LastEvaluatedTableName", Limit=100):
    # DynamoDB always encrypts: DescribeTable (the key in use) is needed only when a customer-managed key is required.
    resources["Tables"] += len(page["TableNames"])

sqs = client("sqs", "SQS")
for page in pages(sqs.list_queues, "NextToken", "NextToken", MaxResults=1000):
    for url in page.get("QueueUrls", []):
        sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn", "KmsMasterKeyId", "SqsManagedSseEnabled"])
        resources["Queues"] += 1

sns = client("sns", "SNS")
for page in pages(sns.list_topics, "NextToken", "NextToken"):
    for topic in page["Topics"]:
        sns.get_topic_attributes(TopicArn=topic["TopicArn"])
        resources["Topics"] += 1

iam = client("iam", "IAM")
for page in pages(iam.get_account_authorization_details, "Marker", "Marker", Filter=["User", "Role", "Group", "LocalManagedPolicy"], MaxItems=1000):
    resources["IamEntities"] += len(page["UserDetailList"]) + len(page["RoleDetailList"]) + len(page["GroupDetailList"]) + len(page["Policies"])

cloudtrail = client("cloudtrail", "CloudTrail")
for trail in cloudtrail.describe_trails(includeShadowTrails=True)["trailList"]:
    cloudtrail.get_trail_status(Name=trail["TrailARN"])
    cloudtrail.get_event_selectors(TrailName=trail["TrailARN"])

guardduty = client("guardduty", "GuardDuty")
for page in pages(guardduty.list_detectors, "NextToken", "NextToken", MaxResults=50):
    for detector in page["DetectorIds"]:
        guardduty.get_detector(DetectorId=detector)

budgets = client("budgets", "Budgets")
for budget in budgets.describe_budgets(AccountId=account, MaxResults=1000).get("Budgets", []):
    budgets.describe_notifications_for_budget(AccountId=account, BudgetName=budget["BudgetName"], MaxResults=100)

tagging = client("resourcegroupstaggingapi", "Resource Groups Tagging API")
for page in pages(tagging.get_resources, "PaginationToken", "PaginationToken", ResourcesPerPage=100):
    resources["Tagged"] += len(page["ResourceTagMappingList"])

peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"Resources": dict(resources), "PeakMemoryMB": round(peak_mb, 1), "ApiCalls": dict(sorted(calls.items()))}))
