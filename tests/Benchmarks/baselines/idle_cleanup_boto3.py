"""Baseline of the IdleCleanup benchmark: what users write without WAOps.

Lists the running dev instances (DescribeInstances, 1,000 a page), then asks CloudWatch for each instance and each
metric in turn with GetMetricStatistics (daily CPUUtilization average, NetworkIn and NetworkOut sums over the last 14
days) and applies Trusted Advisor's low-utilization rule: CPU <= 10 % and network <= 5 MB on at least 4 days.

Talks only to the endpoint in WAOPS_BENCH_ENDPOINT (a local moto server). Prints one JSON line with the call
counts, the idle count and the time of each phase.
"""
import datetime
import json
import os
import sys
import time

import boto3

ENDPOINT = os.environ["WAOPS_BENCH_ENDPOINT"]
if not ENDPOINT.startswith("http://127.0.0.1"):
    sys.exit("WAOPS_BENCH_ENDPOINT must be a local moto server.")

session = boto3.session.Session(aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"], aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"], region_name="us-east-1")
ec2 = session.client("ec2", endpoint_url=ENDPOINT)
cloudwatch = session.client("cloudwatch", endpoint_url=ENDPOINT)

started = time.perf_counter()
calls = {"EC2:DescribeInstances": 0, "CloudWatch:GetMetricStatistics": 0}
instances = []
for page in ec2.get_paginator("describe_instances").paginate(
        Filters=[{"Name": "instance-state-name", "Values": ["running"]}, {"Name": "tag:Environment", "Values": ["dev"]}],
        PaginationConfig={"PageSize": 1000}):
    calls["EC2:DescribeInstances"] += 1
    instances.extend(i["InstanceId"] for r in page["Reservations"] for i in r["Instances"])
listed = time.perf_counter()

end = datetime.datetime.now(datetime.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
start = end - datetime.timedelta(days=14)


def daily(instance_id, metric, statistic):
    calls["CloudWatch:GetMetricStatistics"] += 1
    answer = cloudwatch.get_metric_statistics(Namespace="AWS/EC2", MetricName=metric, Dimensions=[{"Name": "InstanceId", "Value": instance_id}],
                                              StartTime=start, EndTime=end, Period=86400, Statistics=[statistic])
    return {p["Timestamp"].date(): p[statistic] for p in answer["Datapoints"]}


idle = 0
for instance_id in instances:
    cpu = daily(instance_id, "CPUUtilization", "Average")
    network_in = daily(instance_id, "NetworkIn", "Sum")
    network_out = daily(instance_id, "NetworkOut", "Sum")
    low_days = sum(1 for day, value in cpu.items()
                   if day in network_in and day in network_out and value <= 10 and (network_in[day] + network_out[day]) / 1_000_000 <= 5)
    if low_days >= 4:
        idle += 1
finished = time.perf_counter()

print(json.dumps({"ApiCalls": calls, "Extra": {"Instances": len(instances), "Idle": idle,
                                               "ListMs": round((listed - started) * 1000), "MetricsMs": round((finished - listed) * 1000)}}))
