"""Seeds what the runbook tests read: small, independent sets so that each run of a playbook (one per IAM policy
variant) has resources of its own and never sees another run's leftovers.

usage: runbooks.py iam-users '<json {name: [moto actions]}>'   creates the users in one go; prints {name: key}
       runbooks.py idle <json [environment, ...]>               per environment (a non-production value such as
                                                                dev-3): an unattached volume, a free Elastic IP, an
                                                                idle instance (14 days of CPU/network) and an idle RDS
                                                                instance (7 days of 0 connections); prints the ids
       runbooks.py workload <json [project, ...]>              per project: an RDS instance and an SQS queue tagged
                                                                Environment=prod, Project=<project>, Team, CostCenter
                                                                (the queue without CostCenter); prints the ARNs
       runbooks.py topic <name>                                 an SNS topic and an SQS queue subscribed to it (raw
                                                                delivery); prints both
"""
import datetime
import json
import sys

from waops_seed import client, emit

NOON = datetime.datetime.now(datetime.timezone.utc).replace(hour=12, minute=0, second=0, microsecond=0)


def iam_users(spec_json):
    iam = client("iam")
    keys = {}
    for name, actions in json.loads(spec_json).items():
        iam.create_user(UserName=name)
        policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]}
        iam.put_user_policy(UserName=name, PolicyName="only-these", PolicyDocument=json.dumps(policy))
        key = iam.create_access_key(UserName=name)["AccessKey"]
        keys[name] = {"AccessKeyId": key["AccessKeyId"], "SecretAccessKey": key["SecretAccessKey"]}
    emit(keys)


def idle(environments_json):
    ec2, rds, cloudwatch = client("ec2"), client("rds"), client("cloudwatch")
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    out = {}
    data = {"AWS/EC2": [], "AWS/RDS": []}
    for environment in json.loads(environments_json):
        tags = [{"Key": "Environment", "Value": environment}, {"Key": "Project", "Value": "runbooks"}]
        spec = lambda kind: [{"ResourceType": kind, "Tags": tags}]
        volume = ec2.create_volume(AvailabilityZone="us-east-1a", Size=8, VolumeType="gp3", TagSpecifications=spec("volume"))["VolumeId"]
        address = ec2.allocate_address(Domain="vpc", TagSpecifications=spec("elastic-ip"))["AllocationId"]
        instance = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro", TagSpecifications=spec("instance"))["Instances"][0]["InstanceId"]
        database = f"idle-{environment}".replace("_", "-")
        rds.create_db_instance(DBInstanceIdentifier=database, DBInstanceClass="db.t3.micro", Engine="postgres", MasterUsername="admin",
                               MasterUserPassword="password123", AllocatedStorage=20, Tags=tags)
        for days in range(1, 15):
            timestamp = NOON - datetime.timedelta(days=days)
            dimensions = [{"Name": "InstanceId", "Value": instance}]
            data["AWS/EC2"].append({"MetricName": "CPUUtilization", "Dimensions": dimensions, "Timestamp": timestamp,
                                    "StatisticValues": {"SampleCount": 288, "Sum": 288.0, "Minimum": 1.0, "Maximum": 1.0}})
            data["AWS/EC2"].append({"MetricName": "NetworkIn", "Dimensions": dimensions, "Timestamp": timestamp, "Value": 50_000.0})
            data["AWS/EC2"].append({"MetricName": "NetworkOut", "Dimensions": dimensions, "Timestamp": timestamp, "Value": 50_000.0})
            data["AWS/RDS"].append({"MetricName": "DatabaseConnections", "Dimensions": [{"Name": "DBInstanceIdentifier", "Value": database}],
                                    "Timestamp": timestamp, "Value": 0.0})
        out[environment] = {"volume": volume, "address": address, "instance": instance, "database": database}
    for namespace, items in data.items():
        for start in range(0, len(items), 1000):
            cloudwatch.put_metric_data(Namespace=namespace, MetricData=items[start:start + 1000])
    emit(out)


def workload(projects_json):
    rds, sqs = client("rds"), client("sqs")
    out = {}
    for project in json.loads(projects_json):
        tags = {"Environment": "prod", "Project": project, "Team": "payments", "CostCenter": "CC-1"}
        db = rds.create_db_instance(DBInstanceIdentifier=f"{project}-db", DBInstanceClass="db.t3.micro", Engine="postgres",
                                    MasterUsername="admin", MasterUserPassword="password123", AllocatedStorage=20,
                                    Tags=[{"Key": k, "Value": v} for k, v in tags.items()])["DBInstance"]["DBInstanceArn"]
        queue_tags = {k: v for k, v in tags.items() if k != "CostCenter"}
        url = sqs.create_queue(QueueName=f"{project}-orders", tags=queue_tags)["QueueUrl"]
        queue = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        out[project] = {"database": db, "queue": queue}
    emit(out)


def topic(name):
    sns, sqs = client("sns"), client("sqs")
    topic_arn = sns.create_topic(Name=name)["TopicArn"]
    url = sqs.create_queue(QueueName=f"{name}-inbox")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic_arn, Protocol="sqs", Endpoint=queue_arn, Attributes={"RawMessageDelivery": "true"})
    emit({"TopicArn": topic_arn, "QueueUrl": url})


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "iam-users":
        iam_users(sys.argv[2])
    elif command == "idle":
        idle(sys.argv[2])
    elif command == "workload":
        workload(sys.argv[1 + 1])
    elif command == "topic":
        topic(sys.argv[2])
    else:
        sys.exit(f"unknown command {command}")
