"""Seeds a mix of resources for the tag compliance tests, in two regions.

usage: tags.py mix       prints {"<name>": "<arn>", ...}
       tags.py iam-user <name> '<json list of actions>'   prints the user's access key
       tags.py bulk <n> [<already seeded>]  seeds about <n> more resources for the benchmark (SQS, SNS, DynamoDB, EC2 volumes,
                         S3 buckets), a share of them never tagged; prints counts
"""
import json
import sys

from waops_seed import client, emit

FULL = {"Environment": "dev", "Project": "shop", "Team": "web", "CostCenter": "CC-1"}


def as_list(tags):
    return [{"Key": k, "Value": v} for k, v in tags.items()]


def mix():
    arns = {}
    for region in ("us-east-1", "eu-west-1"):
        suffix = region.split("-")[0] + region.split("-")[1][0]
        rds = client("rds", region)
        db = rds.create_db_instance(DBInstanceIdentifier=f"compliant-{suffix}", DBInstanceClass="db.t3.micro", Engine="postgres",
                                    MasterUsername="admin", MasterUserPassword="password123", AllocatedStorage=20, Tags=as_list(FULL))
        arns[f"compliant-{region}"] = db["DBInstance"]["DBInstanceArn"]
        db2 = rds.create_db_instance(DBInstanceIdentifier=f"miscased-{suffix}", DBInstanceClass="db.t3.micro", Engine="postgres",
                                     MasterUsername="admin", MasterUserPassword="password123", AllocatedStorage=20,
                                     Tags=as_list({"environment": "dev", "Project": "shop", "Team": "web"}))
        arns[f"miscased-{region}"] = db2["DBInstance"]["DBInstanceArn"]
        table = client("dynamodb", region).create_table(
            TableName=f"missing-{suffix}", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST",
            Tags=as_list({"Environment": "dev", "Project": "shop"}))
        arns[f"missing-{region}"] = table["TableDescription"]["TableArn"]
        sqs = client("sqs", region)
        url = sqs.create_queue(QueueName=f"badvalue-{suffix}", tags={**FULL, "Environment": "Prod"})["QueueUrl"]
        arns[f"badvalue-{region}"] = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        ec2 = client("ec2", region)
        volume = ec2.create_volume(AvailabilityZone=f"{region}a", Size=1)
        arns[f"untagged-volume-{region}"] = f"arn:aws:ec2:{region}:123456789012:volume/{volume['VolumeId']}"
        topic = client("sns", region).create_topic(Name=f"untagged-{suffix}")["TopicArn"]
        arns[f"untagged-topic-{region}"] = topic
        efs = client("efs", region).create_file_system(CreationToken=f"fs-{suffix}", Tags=as_list({"environment": "dev", "Project": "shop"}))
        arns[f"efs-{region}"] = efs["FileSystemArn"]
    s3 = client("s3", "us-east-1")
    s3.create_bucket(Bucket="waops-untagged-bucket")
    arns["untagged-bucket"] = "arn:aws:s3:::waops-untagged-bucket"
    s3.create_bucket(Bucket="waops-tagged-bucket")
    s3.put_bucket_tagging(Bucket="waops-tagged-bucket", Tagging={"TagSet": as_list(FULL)})
    arns["tagged-bucket"] = "arn:aws:s3:::waops-tagged-bucket"
    s3.create_bucket(Bucket="waops-eu-bucket", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    arns["untagged-eu-bucket"] = "arn:aws:s3:::waops-eu-bucket"
    emit(arns)


def bulk(total, start=0):
    # Shares of the total per kind; one in ten of each kind is never tagged.
    plan = {"sqs": 0.35, "sns": 0.2, "dynamodb": 0.2, "volume": 0.15, "s3": 0.1}
    counts = {}
    sqs, sns, ddb, ec2, s3 = client("sqs"), client("sns"), client("dynamodb"), client("ec2"), client("s3")
    for kind, share in plan.items():
        n = int(total * share)
        counts[kind] = n
        for i in range(int(start * share), int(start * share) + n):
            tagged = i % 10 != 0
            tags = {"Environment": "dev", "Project": f"p{i % 7}", "Team": "web"} if tagged else {}
            if i % 3 == 0 and tagged:
                tags["CostCenter"] = "CC-1"
            name = f"{kind}-{i:06d}"
            if kind == "sqs":
                sqs.create_queue(QueueName=name, **({"tags": tags} if tags else {}))
            elif kind == "sns":
                sns.create_topic(Name=name, **({"Tags": as_list(tags)} if tags else {}))
            elif kind == "dynamodb":
                ddb.create_table(TableName=name, KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                                 AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                                 BillingMode="PAY_PER_REQUEST", **({"Tags": as_list(tags)} if tags else {}))
            elif kind == "volume":
                spec = [{"ResourceType": "volume", "Tags": as_list(tags)}] if tags else []
                ec2.create_volume(AvailabilityZone="us-east-1a", Size=1, **({"TagSpecifications": spec} if spec else {}))
            elif kind == "s3":
                s3.create_bucket(Bucket=name)
                if tags:
                    s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": as_list(tags)})
    emit(counts)


def iam_user(name, actions_json):
    """Creates a user allowed exactly the given actions (a JSON list) and prints its access key."""
    iam = client("iam")
    iam.create_user(UserName=name)
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": json.loads(actions_json), "Resource": "*"}]}
    iam.put_user_policy(UserName=name, PolicyName="only-these", PolicyDocument=json.dumps(policy))
    key = iam.create_access_key(UserName=name)["AccessKey"]
    emit({"AccessKeyId": key["AccessKeyId"], "SecretAccessKey": key["SecretAccessKey"]})


if __name__ == "__main__":
    if sys.argv[1] == "mix":
        mix()
    elif sys.argv[1] == "iam-user":
        iam_user(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "bulk":
        bulk(int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    else:
        sys.exit(f"unknown command {sys.argv[1]}")
