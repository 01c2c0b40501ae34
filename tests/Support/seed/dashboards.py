"""Seeds workloads for the New-WADashboard tests and benchmark, with boto3 (independent of WAOps).

usage: dashboards.py workload --project P --environment E
           One resource (or two) of each kind moto lists by tags: SQS, SNS, DynamoDB, Lambda, an ALB with two target
           groups (plus one target group on an ALB outside the workload), ECS (cluster with Container Insights, a
           service), ElastiCache (Redis), RDS (PostgreSQL instance, Aurora MySQL cluster), S3 (with request-metrics
           data for its EntireBucket filter), an EventBridge bus, a NAT gateway, an empty Auto Scaling group, and a
           few tagged resources New-WADashboard has no widgets for. Prints the ARNs by kind.
       dashboards.py bulk --project P --environment E --count N [--kinds queue,topic,table,function]
           N tagged resources spread over SQS, SNS, DynamoDB and Lambda (kinds moto lists quickly; no EC2 instances),
           or over the kinds given. Prints the count per kind.
       dashboards.py reset-monitoring
           Deletes every alarm and dashboard of the region (between benchmark runs). Prints how many.
       dashboards.py delete-queues --prefix X --keep N
           Deletes the queues whose names start with X, but the first N by name. Prints how many were deleted.
       dashboards.py others
           Resources New-WADashboard finds only by ARN (moto's Tagging API does not list them): an EventBridge rule on
           a custom bus, a REST API, an HTTP API. Prints their ARNs.
       dashboards.py stack --name S
           A CloudFormation stack with an SQS queue, an SNS topic and a DynamoDB table. Prints the stack id.
"""
import argparse
import datetime
import io
import json
import zipfile

from waops_seed import REGION, client, emit


def tags_list(project, environment, extra=None):
    tags = [{"Key": "Project", "Value": project}, {"Key": "Environment", "Value": environment}]
    for key, value in (extra or {}).items():
        tags.append({"Key": key, "Value": value})
    return tags


def lambda_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.py", "def handler(event, context):\n    return event\n")
    return buffer.getvalue()


def lambda_role():
    iam = client("iam")
    try:
        return iam.get_role(RoleName="waops-seed-lambda")["Role"]["Arn"]
    except iam.exceptions.NoSuchEntityException:
        policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
        return iam.create_role(RoleName="waops-seed-lambda", AssumeRolePolicyDocument=json.dumps(policy))["Role"]["Arn"]


def workload(args):
    p, e = args.project, args.environment
    tags = tags_list(p, e)
    tag_map = {t["Key"]: t["Value"] for t in tags}
    prefix = f"{p}-{e}"
    out = {}

    sqs = client("sqs")
    out["queue"] = [sqs.get_queue_attributes(QueueUrl=sqs.create_queue(QueueName=f"{prefix}-orders", tags=tag_map)["QueueUrl"], AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]]
    out["topic"] = [client("sns").create_topic(Name=f"{prefix}-events", Tags=tags)["TopicArn"]]
    out["table"] = [client("dynamodb").create_table(
        TableName=f"{prefix}-carts", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST", Tags=tags)["TableDescription"]["TableArn"]]
    out["function"] = [client("lambda").create_function(
        FunctionName=f"{prefix}-api", Runtime="python3.12", Role=lambda_role(), Handler="index.handler",
        Code={"ZipFile": lambda_zip()}, Tags=tag_map)["FunctionArn"]]

    ec2 = client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.20.{i}.0/24", AvailabilityZone=f"{REGION}{zone}")["Subnet"]["SubnetId"]
               for i, zone in ((1, "a"), (2, "b"))]
    elb = client("elbv2")
    lb = elb.create_load_balancer(Name=f"{prefix}-web", Subnets=subnets, Type="application", Tags=tags)["LoadBalancers"][0]["LoadBalancerArn"]
    other = elb.create_load_balancer(Name=f"{prefix}-admin", Subnets=subnets, Type="application")["LoadBalancers"][0]["LoadBalancerArn"]
    groups = []
    for name, balancer, group_tags in ((f"{prefix}-blue", lb, []), (f"{prefix}-green", lb, []), (f"{prefix}-admin", other, tags)):
        group = elb.create_target_group(Name=name, Protocol="HTTP", Port=80, VpcId=vpc, TargetType="ip", **({"Tags": group_tags} if group_tags else {}))["TargetGroups"][0]["TargetGroupArn"]
        groups.append(group)
    elb.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80, DefaultActions=[{"Type": "forward", "ForwardConfig": {"TargetGroups": [{"TargetGroupArn": groups[0]}, {"TargetGroupArn": groups[1]}]}}])
    elb.create_listener(LoadBalancerArn=other, Protocol="HTTP", Port=80, DefaultActions=[{"Type": "forward", "TargetGroupArn": groups[2]}])
    out["loadbalancer"] = [lb]
    out["targetgroup"] = groups

    ecs = client("ecs")
    cluster = ecs.create_cluster(clusterName=f"{prefix}-main", tags=[{"key": t["Key"], "value": t["Value"]} for t in tags],
                                 settings=[{"name": "containerInsights", "value": "enabled"}])["cluster"]["clusterArn"]
    task = ecs.register_task_definition(family=f"{prefix}-web", containerDefinitions=[{"name": "web", "image": "nginx", "memory": 256}])["taskDefinition"]["taskDefinitionArn"]
    service = ecs.create_service(cluster=f"{prefix}-main", serviceName="checkout", taskDefinition=task, desiredCount=0,
                                 tags=[{"key": t["Key"], "value": t["Value"]} for t in tags])["service"]["serviceArn"]
    out["ecs"] = [cluster, service]

    cache = client("elasticache").create_cache_cluster(CacheClusterId=f"{prefix}-sessions"[:40], Engine="redis", CacheNodeType="cache.t3.micro",
                                                       NumCacheNodes=1, Tags=tags)["CacheCluster"]
    out["cache"] = [cache["ARN"]]

    rds = client("rds")
    out["db"] = [rds.create_db_instance(DBInstanceIdentifier=f"{prefix}-pg", Engine="postgres", DBInstanceClass="db.t3.micro", AllocatedStorage=20,
                                        MasterUsername="admin", MasterUserPassword="not-a-secret-1", Tags=tags)["DBInstance"]["DBInstanceArn"]]
    out["aurora"] = [rds.create_db_cluster(DBClusterIdentifier=f"{prefix}-orders", Engine="aurora-mysql", MasterUsername="admin",
                                           MasterUserPassword="not-a-secret-1", Tags=tags)["DBCluster"]["DBClusterArn"]]

    s3 = client("s3")
    bucket = f"{prefix}-assets"
    if REGION == "us-east-1":
        s3.create_bucket(Bucket=bucket)
    else:
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    s3.put_bucket_tagging(Bucket=bucket, Tagging={"TagSet": tags})
    client("cloudwatch").put_metric_data(Namespace="AWS/S3", MetricData=[{
        "MetricName": "AllRequests", "Value": 1, "Unit": "Count", "Timestamp": datetime.datetime.now(datetime.timezone.utc),
        "Dimensions": [{"Name": "BucketName", "Value": bucket}, {"Name": "FilterId", "Value": "EntireBucket"}]}])
    out["bucket"] = [f"arn:aws:s3:::{bucket}"]

    out["bus"] = [client("events").create_event_bus(Name=f"{prefix}-bus", Tags=tags)["EventBusArn"]]

    allocation = ec2.allocate_address(Domain="vpc")["AllocationId"]
    nat = ec2.create_nat_gateway(SubnetId=subnets[0], AllocationId=allocation,
                                 TagSpecifications=[{"ResourceType": "natgateway", "Tags": tags}])["NatGateway"]["NatGatewayId"]
    out["nat"] = [nat]

    autoscaling = client("autoscaling")
    template = ec2.create_launch_template(LaunchTemplateName=f"{prefix}-workers", LaunchTemplateData={"ImageId": "ami-12c6146b", "InstanceType": "t3.micro"})
    autoscaling.create_auto_scaling_group(AutoScalingGroupName=f"{prefix}-workers", MinSize=0, MaxSize=2, DesiredCapacity=0,
                                          LaunchTemplate={"LaunchTemplateId": template["LaunchTemplate"]["LaunchTemplateId"]},
                                          VPCZoneIdentifier=subnets[0],
                                          Tags=[{"Key": t["Key"], "Value": t["Value"], "PropagateAtLaunch": False, "ResourceId": f"{prefix}-workers",
                                                 "ResourceType": "auto-scaling-group"} for t in tags])
    out["asg"] = [g["AutoScalingGroupARN"] for g in autoscaling.describe_auto_scaling_groups(AutoScalingGroupNames=[f"{prefix}-workers"])["AutoScalingGroups"]]

    # Tagged kinds without widgets: they must be left out, not break anything.
    out["ignored"] = [client("kms").create_key(Tags=[{"TagKey": t["Key"], "TagValue": t["Value"]} for t in tags])["KeyMetadata"]["Arn"]]
    emit(out)


def bulk(args):
    tags = tags_list(args.project, args.environment)
    tag_map = {t["Key"]: t["Value"] for t in tags}
    prefix = f"{args.project}-{args.environment}"
    shares = {"queue": 0.35, "topic": 0.25, "table": 0.25, "function": 0.15}
    kinds = [k for k in shares if k in args.kinds.split(",")]
    total = sum(shares[k] for k in kinds)
    counts = {k: int(args.count * shares[k] / total) if k in kinds else 0 for k in shares}
    counts[kinds[0]] += args.count - sum(counts.values())
    sqs, sns, dynamodb, lam = client("sqs"), client("sns"), client("dynamodb"), client("lambda")
    role, code = (lambda_role(), lambda_zip()) if counts["function"] else (None, None)
    for i in range(counts["queue"]):
        sqs.create_queue(QueueName=f"{prefix}-q{i:04d}", tags=tag_map)
    for i in range(counts["topic"]):
        sns.create_topic(Name=f"{prefix}-t{i:04d}", Tags=tags)
    for i in range(counts["table"]):
        dynamodb.create_table(TableName=f"{prefix}-d{i:04d}", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                              AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST", Tags=tags)
    for i in range(counts["function"]):
        lam.create_function(FunctionName=f"{prefix}-f{i:04d}", Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": code}, Tags=tag_map)
    emit(counts)


def reset_monitoring(args):
    cloudwatch = client("cloudwatch")
    alarms = [a["AlarmName"] for page in cloudwatch.get_paginator("describe_alarms").paginate() for a in page["MetricAlarms"]]
    for i in range(0, len(alarms), 100):
        cloudwatch.delete_alarms(AlarmNames=alarms[i:i + 100])
    dashboards = [d["DashboardName"] for d in cloudwatch.list_dashboards().get("DashboardEntries", [])]
    if dashboards:
        cloudwatch.delete_dashboards(DashboardNames=dashboards)
    emit({"Alarms": len(alarms), "Dashboards": len(dashboards)})


def delete_queues(args):
    sqs = client("sqs")
    urls = sorted(sqs.list_queues(QueueNamePrefix=args.prefix, MaxResults=1000).get("QueueUrls", []))
    for url in urls[args.keep:]:
        sqs.delete_queue(QueueUrl=url)
    emit({"Deleted": len(urls[args.keep:])})


def others(args):
    events = client("events")
    events.create_event_bus(Name="partners")
    rule = events.put_rule(Name="order-placed", EventBusName="partners", EventPattern=json.dumps({"source": ["shop"]}))["RuleArn"]
    default_rule = events.put_rule(Name="nightly", ScheduleExpression="rate(1 day)")["RuleArn"]
    rest = client("apigateway").create_rest_api(name="shop-api")["id"]
    http = client("apigatewayv2").create_api(Name="shop-http", ProtocolType="HTTP")["ApiId"]
    emit({
        "rule": [rule, default_rule],
        "restApi": f"arn:aws:apigateway:{REGION}::/restapis/{rest}",
        "restApiName": "shop-api",
        "httpApi": f"arn:aws:apigateway:{REGION}::/apis/{http}",
        "httpApiId": http,
    })


def stack(args):
    template = {
        "Resources": {
            "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": f"{args.name}-jobs"}},
            "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": f"{args.name}-news"}},
            "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {
                "TableName": f"{args.name}-state", "BillingMode": "PAY_PER_REQUEST",
                "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}]}},
        }
    }
    stack_id = client("cloudformation").create_stack(StackName=args.name, TemplateBody=json.dumps(template))["StackId"]
    emit({"StackId": stack_id})


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("workload", "bulk"):
        command = commands.add_parser(name)
        command.add_argument("--project", required=True)
        command.add_argument("--environment", required=True)
        if name == "bulk":
            command.add_argument("--count", type=int, required=True)
            command.add_argument("--kinds", default="queue,topic,table,function")
    command = commands.add_parser("delete-queues")
    command.add_argument("--prefix", required=True)
    command.add_argument("--keep", type=int, default=0)
    commands.add_parser("reset-monitoring")
    commands.add_parser("others")
    command = commands.add_parser("stack")
    command.add_argument("--name", required=True)
    arguments = parser.parse_args()
    {"workload": workload, "bulk": bulk, "delete-queues": delete_queues, "reset-monitoring": reset_monitoring, "others": others, "stack": stack}[arguments.command](arguments)
