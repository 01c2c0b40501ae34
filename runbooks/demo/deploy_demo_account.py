"""Deploys the demo's account into a local moto server (never anywhere else).

usage: deploy_demo_account.py <endpoint> <region> <template>

1. The reference workload (runbooks/templates/reference-workload.yaml) as the CloudFormation stack checkout-prod:
   the seed's architecture with its deliberate quality-gate violations.
2. What a dev team leaves behind (Environment=dev, Project=checkout): an unattached volume, an Elastic IP on nothing,
   and an instance that has idled for two weeks (CPU and network datapoints seeded for the last 14 days).

moto 5.2.1 deviations worked around here:
- an ECS cluster created by CloudFormation has no tag list at all (None), and moto's Tagging API GetResources then
  fails with HTTP 500 for every caller; the cluster is tagged again through ECS TagResource, which repairs it.
- gzip-compressed PutMetricData bodies (boto3's default) get HTTP 500: request compression is off.
Prints what it created as JSON.
"""
import datetime
import json
import sys

import boto3
from botocore.config import Config

STACK = "checkout-prod"


def main(endpoint, region, template_path):
    if not endpoint.startswith("http://127.0.0.1") and not endpoint.startswith("http://localhost"):
        sys.exit("The demo deploys only into a local moto server (http://127.0.0.1:<port>).")
    config = Config(disable_request_compression=True, retries={"max_attempts": 3, "mode": "standard"})

    def client(service):
        return boto3.client(service, endpoint_url=endpoint, region_name=region, config=config)

    out = {"stack": STACK}
    cloudformation = client("cloudformation")
    with open(template_path, encoding="utf-8") as handle:
        body = handle.read()
    cloudformation.create_stack(StackName=STACK, TemplateBody=body)
    stack = cloudformation.describe_stacks(StackName=STACK)["Stacks"][0]
    out["stackStatus"] = stack["StackStatus"]
    resources = cloudformation.list_stack_resources(StackName=STACK)["StackResourceSummaries"]
    out["stackResources"] = len(resources)

    ecs = client("ecs")
    for summary in resources:
        if summary.get("ResourceType") == "AWS::ECS::Cluster":
            cluster = ecs.describe_clusters(clusters=[summary["PhysicalResourceId"]], include=["TAGS"])["clusters"][0]
            template_tags = {"Environment": "prod", "Project": "checkout", "Team": "payments", "CostCenter": "CC-4711"}
            ecs.tag_resource(resourceArn=cluster["clusterArn"], tags=[{"key": k, "value": v} for k, v in template_tags.items()])

    ec2 = client("ec2")
    dev = [{"Key": "Environment", "Value": "dev"}, {"Key": "Project", "Value": "checkout"}, {"Key": "Team", "Value": "payments"}]
    volume = ec2.create_volume(AvailabilityZone=f"{region}a", Size=50, VolumeType="gp3",
                               TagSpecifications=[{"ResourceType": "volume", "Tags": dev + [{"Key": "Name", "Value": "old-load-test-data"}]}])
    out["idleVolume"] = volume["VolumeId"]
    address = ec2.allocate_address(Domain="vpc", TagSpecifications=[{"ResourceType": "elastic-ip", "Tags": dev}])
    out["idleAddress"] = address["AllocationId"]
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    instance = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType="m5.large",
                                 TagSpecifications=[{"ResourceType": "instance", "Tags": dev + [{"Key": "Name", "Value": "forgotten-build-box"}]}])
    instance_id = instance["Instances"][0]["InstanceId"]
    out["idleInstance"] = instance_id

    # Two weeks of an idle instance: ~1.5 % CPU, ~200 KB of network a day, one datapoint per day at noon UTC.
    noon = datetime.datetime.now(datetime.timezone.utc).replace(hour=12, minute=0, second=0, microsecond=0)
    data = []
    for days in range(1, 15):
        timestamp = noon - datetime.timedelta(days=days)
        dimensions = [{"Name": "InstanceId", "Value": instance_id}]
        data.append({"MetricName": "CPUUtilization", "Dimensions": dimensions, "Timestamp": timestamp,
                     "StatisticValues": {"SampleCount": 288, "Sum": 1.5 * 288, "Minimum": 1.5, "Maximum": 1.5}})
        data.append({"MetricName": "NetworkIn", "Dimensions": dimensions, "Timestamp": timestamp, "Value": 100_000.0})
        data.append({"MetricName": "NetworkOut", "Dimensions": dimensions, "Timestamp": timestamp, "Value": 100_000.0})
    client("cloudwatch").put_metric_data(Namespace="AWS/EC2", MetricData=data)
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
